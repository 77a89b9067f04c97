import XCTest
@testable import R3Plot

final class SmoothingTests: XCTestCase {
    func testDebiasedEMAMatchesHandComputedValues() throws {
        // w = 0.5: s1 = 1, s2 = (0.5*1 + 2) / 1.5 = 5/3, s3 = (0.25*1 + 0.5*2 + 3) / 1.75 = 17/7
        let s = try exponentialMovingAverage([1, 2, 3], weight: 0.5)
        XCTAssertEqual(s[0], 1, accuracy: 1e-12)
        XCTAssertEqual(s[1], 5.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(s[2], 17.0 / 7.0, accuracy: 1e-12)
        // w = 0.9: s2 = (0.9*10 + 0) / (0.9 + 1) = 9/1.9
        let t = try exponentialMovingAverage([10, 0], weight: 0.9)
        XCTAssertEqual(t[0], 10, accuracy: 1e-12)
        XCTAssertEqual(t[1], 9 / 1.9, accuracy: 1e-12)
    }

    func testEMAEqualsTheWeightedMeanDefinition() throws {
        let y: [Double] = [0.3, -1.2, 4.5, 2.2, 2.2, 9.1, -3.3, 0.0, 1.5, 7.7]
        let w = 0.8
        let s = try exponentialMovingAverage(y, weight: w)
        for t in 0..<y.count {
            var numerator = 0.0, denominator = 0.0
            for i in 0...t {
                let weight = pow(w, Double(t - i))
                numerator += weight * y[i]
                denominator += weight
            }
            XCTAssertEqual(s[t], numerator / denominator, accuracy: 1e-12, "t = \(t)")
        }
    }

    func testZeroWeightIsIdentityAndBadWeightsAreErrors() throws {
        XCTAssertEqual(try exponentialMovingAverage([3, 1, 2], weight: 0), [3, 1, 2])
        XCTAssertEqual(try exponentialMovingAverage([], weight: 0.9), [])
        for bad in [-0.1, 1.0, 1.5, Double.nan] {
            XCTAssertThrowsError(try exponentialMovingAverage([1], weight: bad)) { error in
                XCTAssertTrue("\(error)".contains("smooth: must be in [0, 1)"), "\(error)")
            }
        }
    }
}

/// Expected values come from numpy.histogram (numpy 2, the reference implementation).
final class HistogramTests: XCTestCase {
    func testMatchesNumpy() throws {
        let a = try Histogram((0...10).map(Double.init), bins: 5)
        XCTAssertEqual(a.counts, [2, 2, 2, 2, 3])
        XCTAssertEqual(a.edges, [0, 2, 4, 6, 8, 10])
        let b = try Histogram([0, 0.1, 0.2, 0.3], bins: 3)
        XCTAssertEqual(b.counts, [1, 1, 2])
        XCTAssertEqual(b.edges, [0.0, 0.09999999999999999, 0.19999999999999998, 0.3])
        let c = try Histogram([-1.5, 2.25, 0.1, 0.7, 3.3, -0.4, 2.0], bins: 4)
        XCTAssertEqual(c.counts, [2, 2, 1, 2])
        XCTAssertEqual(c.edges, [-1.5, -0.30000000000000004, 0.8999999999999999, 2.0999999999999996, 3.3])
    }

    func testConstantValuesSpanOneUnit() throws {
        let h = try Histogram([1, 1, 1], bins: 2)
        XCTAssertEqual(h.edges, [0.5, 1.0, 1.5])
        XCTAssertEqual(h.counts, [0, 3])
        XCTAssertEqual(h.centers, [0.75, 1.25])
    }

    func testNonFiniteValuesAreSkippedAndCounted() throws {
        let h = try Histogram([1, .nan, 2, .infinity, 3], bins: 2)
        XCTAssertEqual(h.skipped, 2)
        XCTAssertEqual(h.counts.reduce(0, +), 3)
    }

    func testBadInputsAreClearErrors() {
        XCTAssertThrowsError(try Histogram([1, 2], bins: 0)) { XCTAssertTrue("\($0)".contains("bins must be between 1")) }
        XCTAssertThrowsError(try Histogram([], bins: 3, name: "reward")) { XCTAssertEqual($0 as? PlotError, .emptySeries("reward")) }
        XCTAssertThrowsError(try Histogram([.nan], bins: 3, name: "kl")) {
            XCTAssertEqual($0 as? PlotError, .noPlottableValues(series: "kl", skipped: 1))
        }
    }
}

final class FigureScriptTests: XCTestCase {
    func testSmoothedSeriesGetsAFadedRawCurveOnlyOnImages() throws {
        let figure = Figure(series: [Series([1, 2, 3, 4], title: "reward", smoothing: 0.5)])
        let image = try FigureScript(figure, graphic: true)
        XCTAssertEqual(image.blocks.count, 2)
        XCTAssertEqual(image.blocks[0].y, [1, 2, 3, 4])
        XCTAssertTrue(image.blocks[0].clause.contains("notitle"))
        XCTAssertTrue(image.blocks[0].clause.contains("#B09400d3"))
        XCTAssertEqual(image.blocks[1].y[1], 5.0 / 3.0, accuracy: 1e-12)
        XCTAssertTrue(image.blocks[1].clause.hasSuffix("title 'reward'"))
        let text = try FigureScript(figure, graphic: false)
        XCTAssertEqual(text.blocks.count, 1)
        XCTAssertEqual(text.blocks[0].y[2], 17.0 / 7.0, accuracy: 1e-12)
    }

    func testSmoothingRunsOverFiniteValuesOnly() throws {
        let figure = Figure(series: [Series([1, .nan, 2, 3], smoothing: 0.5)])
        let script = try FigureScript(figure, graphic: false)
        XCTAssertEqual(script.blocks[0].x, [0, 2, 3])
        XCTAssertEqual(script.blocks[0].y, [1, 5.0 / 3.0, 17.0 / 7.0])
        XCTAssertEqual(script.warnings, ["series 'series 1': skipped 1 NaN/inf value"])
    }

    func testTheKeyGoesBelowThePlotOnlyWhenSeveralCurvesHaveOne() throws {
        func settings(_ series: [Series]) throws -> [String] { try FigureScript(Figure(series: series), graphic: true).settings }
        let below = "set key below height 1"
        XCTAssertFalse(try settings([Series([1, 2], title: "loss")]).contains(below))
        XCTAssertFalse(try settings([Series([1, 2])]).contains(below))
        XCTAssertTrue(try settings([Series([1, 2], title: "reward"), Series([3, 4], title: "kl")]).contains(below))
        XCTAssertTrue(try settings([Series([1, 2]), Series([3, 4])]).contains(below), "untitled curves get keys 'series 1', 'series 2'")
        XCTAssertTrue(try FigureScript(Figure(series: [Series([1, 2]), Series([3, 4])]), graphic: false).settings.contains("set key below"))
    }

    func testSettingsAndQuoting() throws {
        var figure = Figure(series: [Series([1, 2], x: [10, 20], title: "it's"), Series([3, 4]), Series([5, 6])],
                            title: "Run 'A'", xlabel: "step", ylabel: nil, logscale: .xy,
                            xrange: AxisRange(1, nil), yrange: AxisRange(0.5, 100), grid: true)
        figure.rawCommands = ["set key left"]
        let script = try FigureScript(figure, graphic: true)
        XCTAssertEqual(script.settings, ["set encoding utf8", "set title 'Run ''A'''", "set xlabel 'step'", "set logscale x",
                                         "set logscale y", "set xrange [1.0:*]", "set yrange [0.5:100.0]", "set grid", "set key below height 1", "set key left"],
                       "three keyed curves put the key below the plot; raw commands come after and can move it")
        XCTAssertTrue(script.blocks[0].clause.hasSuffix("title 'it''s'"))
        XCTAssertTrue(script.blocks[1].clause.hasSuffix("title 'series 2'"))
        XCTAssertEqual(script.blocks[1].x, [1], "x = 0 is not plottable on the log x axis")
        XCTAssertEqual(script.warnings, ["series 'series 2': skipped 1 value not positive on the logarithmic axis",
                                         "series 'series 3': skipped 1 value not positive on the logarithmic axis"])
    }

    func testBadFiguresAreClearErrors() {
        XCTAssertThrowsError(try FigureScript(Figure(series: [Series([1, 2, 3], x: [1, 2], title: "kl")]), graphic: false)) {
            XCTAssertEqual("\($0)", "series 'kl': x has 2 values but y has 3")
        }
        XCTAssertThrowsError(try FigureScript(Figure(series: [Series([1])], yrange: AxisRange(.nan, 1)), graphic: false))
        XCTAssertThrowsError(try FigureScript(Figure(series: [Series([1])], logscale: .y, yrange: AxisRange(0, 1)), graphic: false)) {
            XCTAssertTrue("\($0)".contains("positive on a logarithmic axis"))
        }
        XCTAssertThrowsError(try FigureScript(Figure(series: [Series([1], smoothing: 1)]), graphic: false))
        XCTAssertThrowsError(try FigureScript(Figure(series: [Series([1, 2], x: [0, 1], style: .histogram(bins: 3))]), graphic: false))
    }
}
