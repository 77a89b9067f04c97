import CGnuplot
// R3Plot: placeholder until its issue lands.
public var gnuplotAvailable: Bool { r3gp_available() == 1 }
