import XCTest
@testable import R3Plot

/// Not a timed test: checks that the benchmark runs and prints its lines in the agreed format.
final class PlotBenchmarkTests: XCTestCase {
    func testBenchmarkLinesHaveTheAgreedFormat() throws {
        try XCTSkipUnless(Gnuplot.isAvailable(), "gnuplot is not installed")
        let lines = PlotBenchmark.lines(points: 2000, repeats: 1)
        XCTAssertEqual(lines.count, 6)
        XCTAssertTrue(lines[0].hasPrefix("name=plot_2000 seconds="), lines[0])
        for line in lines {
            XCTAssertNotNil(line.range(of: #"^name=\S+ seconds=\d+\.\d{4}$"#, options: .regularExpression), line)
        }
        if ProcessInfo.processInfo.environment["R3_PLOT_BENCH"] != nil {
            print(PlotBenchmark.lines().joined(separator: "\n"))
        }
    }
}
