// R3Tensor: placeholder until its issue lands.
