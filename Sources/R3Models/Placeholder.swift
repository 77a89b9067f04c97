// R3Models: placeholder until its issue lands.
