// R3Notebook: placeholder until its issue lands.
