// R3Plot: placeholder until its issue lands.
