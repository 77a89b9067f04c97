import R3Tensor
import R3Plot
public func probe() -> String { "dot=\(blasDot([1,2],[3,4])) gnuplot=\(gnuplotAvailable)" }
