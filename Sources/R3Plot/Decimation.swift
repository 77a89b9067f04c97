import Foundation

/// M4 decimation (Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation",
/// VLDB 2014): split the x range into `buckets` equal intervals and keep, per interval, the first,
/// last, lowest and highest point, in x order. A line drawn through what remains rasterizes
/// exactly like the full line when the buckets are the pixel columns; our buckets follow the data
/// range, not gnuplot's (autoscaled) axis, so we use several per column and only a few edge pixels
/// can differ. A 100k-point curve then costs gnuplot a few thousand segments. x must be non-decreasing (steps); otherwise, or when
/// there are few points, the input comes back unchanged.
/// - Parameters:
///   - x: [n] non-decreasing, finite.
///   - y: [n] finite.
///   - buckets: number of x intervals (e.g. 2 x the plot's pixel width).
///   - logarithmic: bucket on log10(x) (for a log x axis; x > 0).
/// - Returns: ([m], [m]) with m <= 4 x buckets.
func decimateM4(x: [Double], y: [Double], buckets: Int, logarithmic: Bool = false) -> (x: [Double], y: [Double]) {
    let n = x.count
    guard buckets >= 1, n > 4 * buckets, y.count == n else { return (x, y) }
    var outX: [Double] = [], outY: [Double] = []
    outX.reserveCapacity(4 * buckets)
    outY.reserveCapacity(4 * buckets)
    x.withUnsafeBufferPointer { xs in
        y.withUnsafeBufferPointer { ys in
            for i in 1..<n where xs[i] < xs[i - 1] { outX = x; outY = y; return }  // not sorted: leave as is
            let position: (Double) -> Double = logarithmic ? { log10($0) } : { $0 }
            let low = position(xs[0]), high = position(xs[n - 1])
            guard high > low else { outX = x; outY = y; return }
            let scale = Double(buckets) / (high - low)
            var start = 0
            while start < n {
                let bucket = min(buckets - 1, Int((position(xs[start]) - low) * scale))
                var end = start + 1
                var lowest = start, highest = start
                while end < n, min(buckets - 1, Int((position(xs[end]) - low) * scale)) == bucket {
                    if ys[end] < ys[lowest] { lowest = end }
                    if ys[end] > ys[highest] { highest = end }
                    end += 1
                }
                // first, min and max in index order, last: at most 4 distinct points.
                var keep = [start, lowest, highest, end - 1]
                keep.sort()
                var previous = -1
                for k in keep where k != previous {
                    outX.append(xs[k])
                    outY.append(ys[k])
                    previous = k
                }
                start = end
            }
        }
    }
    return (outX, outY)
}
