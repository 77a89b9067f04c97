/// Debiased exponential moving average, the curve smoothing of TensorBoard and W&B.
///
/// For weight w in [0, 1) and values y_1 ... y_n:
///   last_t   = w * last_{t-1} + (1 - w) * y_t        (last_0 = 0)
///   debias_t = 1 - w^t
///   s_t      = last_t / debias_t
/// so s_t is the weighted mean of y_1 ... y_t with weights w^(t-i), i.e. the first value is
/// not pulled toward zero. w = 0 returns the values unchanged.
/// - Parameters:
///   - values: [n] finite values (callers drop NaN/inf first).
///   - weight: w in [0, 1).
/// - Returns: [n] smoothed values.
/// - Throws: `PlotError.invalidArgument` when w is outside [0, 1).
public func exponentialMovingAverage(_ values: [Double], weight: Double) throws -> [Double] {
    guard weight >= 0, weight < 1 else {
        throw PlotError.invalidArgument("smooth: must be in [0, 1) (e.g. 0.9), got \(weight)")
    }
    var smoothed = [Double](repeating: 0, count: values.count)
    var last = 0.0
    var power = 1.0  // w^t
    values.withUnsafeBufferPointer { y in
        smoothed.withUnsafeMutableBufferPointer { s in
            for t in 0..<y.count {
                last = weight * last + (1 - weight) * y[t]
                power *= weight
                s[t] = last / (1 - power)
            }
        }
    }
    return smoothed
}
