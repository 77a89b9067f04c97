/// Equal-width binning with numpy.histogram's rules: `bins` bins spanning [min, max] of the
/// finite values, each bin half-open [a, b) except the last, which is closed [a, b]. When all
/// values are equal the range is [v - 0.5, v + 0.5]. NaN and inf are skipped and counted.
public struct Histogram: Equatable, Sendable {
    /// [bins + 1] bin edges, ascending.
    public var edges: [Double]
    /// [bins] number of values per bin.
    public var counts: [Int]
    /// How many NaN/inf values were left out.
    public var skipped: Int

    /// - Throws: `PlotError.invalidArgument` when `bins` < 1, `.emptySeries` when there are no
    ///   values, `.noPlottableValues` when none is finite.
    public init(_ values: [Double], bins: Int, name: String = "values") throws {
        guard bins >= 1, bins <= 100_000 else {
            throw PlotError.invalidArgument("hist: bins must be between 1 and 100000, got \(bins)")
        }
        guard !values.isEmpty else { throw PlotError.emptySeries(name) }
        var low = Double.infinity, high = -Double.infinity, skipped = 0
        for v in values {
            if v.isFinite { low = min(low, v); high = max(high, v) } else { skipped += 1 }
        }
        guard low <= high else { throw PlotError.noPlottableValues(series: name, skipped: skipped) }
        if low == high { low -= 0.5; high += 0.5 }
        let width = (high - low) / Double(bins)
        edges = (0...bins).map { low + Double($0) * width }
        edges[bins] = high
        counts = [Int](repeating: 0, count: bins)
        for v in values where v.isFinite {
            var k = Int((v - low) / width)
            if k >= bins { k = bins - 1 }
            // Rounding can put a value that sits exactly on an edge one bin off; fix with the edges.
            if k > 0, v < edges[k] { k -= 1 } else if k < bins - 1, v >= edges[k + 1] { k += 1 }
            counts[k] += 1
        }
        self.skipped = skipped
    }

    /// [bins] bin centres.
    public var centers: [Double] { (0..<counts.count).map { (edges[$0] + edges[$0 + 1]) / 2 } }
}
