// R3Train: placeholder until its issue lands.
