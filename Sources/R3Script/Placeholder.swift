// R3Script: placeholder until its issue lands.
