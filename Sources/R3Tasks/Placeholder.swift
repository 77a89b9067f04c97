// R3Tasks: placeholder until its issue lands.
