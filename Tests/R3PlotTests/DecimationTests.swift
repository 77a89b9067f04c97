import XCTest
@testable import R3Plot

final class DecimationTests: XCTestCase {
    /// A noisy curve from a fixed linear congruential sequence.
    private func noisy(_ n: Int) -> (x: [Double], y: [Double]) {
        var state: UInt64 = 42
        let y = (0..<n).map { i -> Double in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return sin(Double(i) / 3000) + Double(state >> 40) / Double(1 << 24) - 0.5
        }
        return ((0..<n).map(Double.init), y)
    }

    func testKeepsFirstLastAndExtremaOfEveryBucket() {
        let (x, y) = noisy(100_000)
        let buckets = 200
        let thin = decimateM4(x: x, y: y, buckets: buckets)
        XCTAssertLessThanOrEqual(thin.x.count, 4 * buckets)
        XCTAssertGreaterThan(thin.x.count, 2 * buckets)
        XCTAssertEqual(thin.x.first, 0)
        XCTAssertEqual(thin.x.last, 99_999)
        XCTAssertEqual(thin.y.min(), y.min())
        XCTAssertEqual(thin.y.max(), y.max())
        XCTAssertEqual(thin.x, thin.x.sorted(), "x order kept")
        // Every bucket's extremes survive: check bucket by bucket against the full data.
        let width = 99_999.0 / Double(buckets)
        for b in stride(from: 0, to: buckets, by: 17) {
            let inBucket = x.indices.filter { min(buckets - 1, Int(x[$0] / width)) == b }
            let kept = thin.x.indices.filter { min(buckets - 1, Int(thin.x[$0] / width)) == b }
            XCTAssertEqual(kept.map { thin.y[$0] }.min(), inBucket.map { y[$0] }.min(), "bucket \(b)")
            XCTAssertEqual(kept.map { thin.y[$0] }.max(), inBucket.map { y[$0] }.max(), "bucket \(b)")
        }
    }

    func testLeavesShortOrUnsortedInputAlone() {
        let (x, y) = noisy(1000)
        XCTAssertEqual(decimateM4(x: x, y: y, buckets: 400).x.count, 1000)
        var shuffled = x
        shuffled.swapAt(10, 500)
        XCTAssertEqual(decimateM4(x: shuffled, y: y, buckets: 10).x, shuffled)
    }

    /// The same drawing up to a few cells at stroke edges (buckets follow the data range, not the
    /// axis gnuplot picks, so they straddle character columns).
    func testDecimatedTextDrawingMatchesTheFullOne() throws {
        try XCTSkipUnless(Gnuplot.isAvailable(), "gnuplot is not installed")
        let gnuplot = Gnuplot()
        defer { gnuplot.close() }
        let (x, y) = noisy(50_000)
        for figure in [Figure(series: [Series(y, x: x)]), Figure(series: [Series(y, x: x, smoothing: 0.99)]),
                       Figure(series: [Series(y.map { $0 + 2 }, x: x.map { $0 + 1 })], logscale: .xy)] {
            let target = RenderTarget.text(width: 90, height: 25, color: false)
            let thin = try XCTUnwrap(gnuplot.render(figure, to: target, decimation: true).text)
            let full = try XCTUnwrap(gnuplot.render(figure, to: target, decimation: false).text)
            let a = thin.split(separator: "\n").map(Array.init), b = full.split(separator: "\n").map(Array.init)
            XCTAssertEqual(a.count, b.count)
            XCTAssertEqual(a.map(\.count), b.map(\.count))
            var differing = 0, marked = 0
            for row in a.indices {
                for column in a[row].indices where a[row][column] != b[row][column] {
                    differing += 1
                    // A cell drawn in one picture and not the other has a drawn neighbour
                    // (one row up or down) in the other: the stroke moved by a cell at most.
                    let (drawn, other) = a[row][column] == "*" ? (a, b) : (b, a)
                    XCTAssertEqual(drawn[row][column], "*", "only line cells differ (row \(row), column \(column))")
                    let near = [row - 1, row + 1].contains { $0 >= 0 && $0 < other.count && column < other[$0].count && other[$0][column] == "*" }
                    XCTAssertTrue(near, "row \(row), column \(column):\n\(thin)\n\(full)")
                }
                marked += b[row].filter { $0 == "*" }.count
            }
            XCTAssertGreaterThan(marked, 150)
            XCTAssertLessThanOrEqual(differing * 10, marked, "\(differing) of \(marked) cells differ:\n\(thin)\n\(full)")
        }
    }
}
