import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import R3Plot

struct TextPlotError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// The cells of a dumb-terminal drawing inside the plot border, as a character grid.
struct TextPlot {
    let rows: [[Character]]  // inside the border, top row first

    init(_ text: String) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        // The border's top and bottom edges are the lines that hold "+---...---+".
        let borders = lines.indices.filter { i in
            let line = String(lines[i])
            return line.contains("+----------") && line.trimmingCharacters(in: .whitespaces).hasSuffix("+")
        }
        guard borders.count >= 2, let top = borders.first, let bottom = borders.last,
              let left = lines[top].firstIndex(of: "+"), let right = lines[top].lastIndex(of: "+") else {
            // A failure, not a skip: a drawing without its border is exactly what must not pass.
            throw TextPlotError(message: "no plot border found in:\n\(text)")
        }
        rows = (top + 1..<bottom).map { i in
            let line = lines[i]
            return (left + 1..<right).map { $0 < line.count ? line[$0] : " " }
        }
    }

    /// For each column holding `mark`, the mean row index of the marks (0 = top).
    func meanRows(of mark: Character) -> [(column: Int, row: Double)] {
        guard let width = rows.first?.count else { return [] }
        var result: [(Int, Double)] = []
        for c in 0..<width {
            let hits = rows.indices.filter { rows[$0][c] == mark }
            if !hits.isEmpty { result.append((c, Double(hits.reduce(0, +)) / Double(hits.count))) }
        }
        return result
    }
}

final class GnuplotRenderTests: XCTestCase {
    var gnuplot: Gnuplot!
    var directory: URL!

    override func setUpWithError() throws {
        try XCTSkipUnless(Gnuplot.isAvailable(), "gnuplot is not installed")
        gnuplot = Gnuplot()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("r3plot-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        gnuplot?.close()
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    private func marks(_ y: [Double]) throws -> [(column: Int, row: Double)] {
        let text = try XCTUnwrap(gnuplot.render(Figure(series: [Series(y)]), to: .text(width: 70, height: 20, color: false)).text)
        let plot = try TextPlot(text)
        return plot.meanRows(of: "*")
    }

    func testRisingSeriesDrawsARisingLine() throws {
        let points = try marks((0..<50).map { Double($0) })
        let width = 70 - 12  // at least most of the plot area is covered
        XCTAssertGreaterThan(points.count, width * 3 / 4)
        for (a, b) in zip(points, points.dropFirst()) {
            XCTAssertLessThanOrEqual(b.row, a.row, "column \(b.column) is lower than column \(a.column)")
        }
        XCTAssertLessThan(points.last!.row + 10, points.first!.row)
    }

    func testFallingSeriesDrawsAFallingLine() throws {
        let points = try marks((0..<50).map { Double(-$0 * $0) })
        for (a, b) in zip(points, points.dropFirst()) {
            XCTAssertGreaterThanOrEqual(b.row, a.row, "column \(b.column) is higher than column \(a.column)")
        }
        XCTAssertGreaterThan(points.last!.row, points.first!.row + 10)
    }

    func testTextSizeMatchesRequest() throws {
        let text = try XCTUnwrap(gnuplot.render(Figure(series: [Series([1, 3, 2])]), to: .text(width: 64, height: 18, color: false)).text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        XCTAssertLessThanOrEqual(lines.count, 18)
        XCTAssertGreaterThanOrEqual(lines.count, 15)
        let widest = try XCTUnwrap(lines.map(\.count).max())
        XCTAssertTrue((56...64).contains(widest), "the drawing is as wide as asked (bar trimmed margins): \(widest)")
        XCTAssertFalse(text.contains("\u{0C}"), "no form feed")
        XCTAssertFalse(text.contains("\u{1B}"), "no colour codes in mono")
    }

    func testColorTextHasANSICodes() throws {
        let text = try XCTUnwrap(gnuplot.render(Figure(series: [Series([1, 3, 2])]), to: .text(width: 60, height: 15, color: true)).text)
        XCTAssertTrue(text.contains("\u{1B}["))
    }

    func testPNGFileIsARealPNGOfTheRequestedSize() throws {
        let path = directory.appendingPathComponent("curve.png").path
        let figure = Figure(series: [Series([1, 4, 2, 8], title: "reward_std"), Series([2, 2, 3, 1], title: "kl")],
                            title: "curve", xlabel: "step", ylabel: "value", grid: true)
        let rendering = try gnuplot.render(figure, to: .file(path: path, width: 640, height: 400))
        XCTAssertEqual(rendering.path, path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(String(decoding: data[12..<16], as: UTF8.self), "IHDR")
        XCTAssertEqual(bigEndian(data, at: 16), 640)
        XCTAssertEqual(bigEndian(data, at: 20), 400)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != "curve.png" }
        XCTAssertEqual(leftovers, [], "the temporary file was renamed, not left behind")
    }

    func testPNGInMemory() throws {
        let data = try XCTUnwrap(gnuplot.render(Figure(series: [Series([1, 2])]), to: .image(.png, width: 300, height: 200)).data)
        XCTAssertEqual(Array(data.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        XCTAssertEqual(bigEndian(data, at: 16), 300)
        XCTAssertEqual(bigEndian(data, at: 20), 200)
    }

    /// In-memory drawings go through a scratch directory that is gone when `render` returns, while
    /// gnuplot still runs: a process killed between plots (a closed terminal) leaves nothing in /tmp.
    func testInMemoryRendersLeaveNoScratchFiles() throws {
        let figure = Figure(series: [Series([1, 2, 3])])
        _ = try gnuplot.render(figure, to: .text(width: 50, height: 12, color: false))
        _ = try gnuplot.render(figure, to: .image(.svg, width: 300, height: 200))
        var failing = figure
        failing.rawCommands = ["set xrange [undefined_thing:3]"]
        XCTAssertThrowsError(try gnuplot.render(failing, to: .text(width: 50, height: 12, color: false)))
        XCTAssertNotNil(gnuplot.processID, "gnuplot is still up")
        let mine = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
            .filter { $0.hasPrefix("r3plot-\(getpid())-") }
        XCTAssertEqual(mine, [])
    }

    func testSVGIsWellFormedXMLWithSize() throws {
        let path = directory.appendingPathComponent("curve.svg").path
        _ = try gnuplot.render(Figure(series: [Series([1, 4, 2], title: "a <b> & 'c'", smoothing: 0.5)]),
                               to: .file(path: path, width: 720, height: 450))
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let probe = SVGProbe()
        let parser = XMLParser(data: data)
        parser.delegate = probe
        XCTAssertTrue(parser.parse(), "SVG parses as XML: \(parser.parserError.map { "\($0)" } ?? "")")
        XCTAssertEqual(probe.root, "svg")
        XCTAssertEqual(probe.attributes["width"], "720")
        XCTAssertEqual(probe.attributes["height"], "450")
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("a &lt;b> &amp; 'c'"))
    }

    func testPDFFile() throws {
        let path = directory.appendingPathComponent("curve.PDF").path
        _ = try gnuplot.render(Figure(series: [Series([1, 2, 3])]), to: .file(path: path, width: 800, height: 500))
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(String(decoding: data.prefix(5), as: UTF8.self), "%PDF-")
    }

    func testSixelIsADeviceControlString() throws {
        let data = try XCTUnwrap(gnuplot.render(Figure(series: [Series([1, 2, 1])]), to: .sixel(width: 320, height: 200)).data)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains("\u{1B}P"), "starts a DCS sequence")
        XCTAssertTrue(text.contains("q\""), "sixel raster attributes")
        XCTAssertTrue(text.hasSuffix("\u{1B}\\"), "ends with ST")
    }

    func testUnwritablePathIsAnErrorNamingThePath() throws {
        let missing = directory.appendingPathComponent("no/such/dir/curve.png").path
        XCTAssertThrowsError(try gnuplot.render(Figure(series: [Series([1, 2])]), to: .file(path: missing, width: 400, height: 300))) { error in
            guard case PlotError.unwritableOutput(let path, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, missing)
            XCTAssertTrue("\(error)".contains(missing))
            XCTAssertTrue("\(error)".contains("does not exist"))
        }
        let file = directory.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        let under = file.appendingPathComponent("curve.svg").path
        XCTAssertThrowsError(try gnuplot.render(Figure(series: [Series([1, 2])]), to: .file(path: under, width: 400, height: 300))) { error in
            XCTAssertTrue("\(error)".contains(under), "\(error)")
        }
        // The figure still works afterwards.
        XCTAssertNotNil(try gnuplot.render(Figure(series: [Series([1, 2])]), to: .text(width: 40, height: 10, color: false)).text)
    }

    func testUnsupportedExtension() throws {
        let path = directory.appendingPathComponent("curve.jpg").path
        XCTAssertThrowsError(try gnuplot.render(Figure(series: [Series([1, 2])]), to: .file(path: path, width: 400, height: 300))) { error in
            XCTAssertEqual(error as? PlotError, .unsupportedFormat(path: path))
            XCTAssertTrue("\(error)".contains(".png, .svg or .pdf"))
        }
    }

    func testNaNAndInfAreSkippedCountedAndReported() throws {
        let y: [Double] = [1, .nan, 2, .infinity, 3, -.infinity, .nan, 4]
        let rendering = try gnuplot.render(Figure(series: [Series(y, title: "loss")]), to: .text(width: 50, height: 12, color: false))
        XCTAssertEqual(rendering.warnings, ["series 'loss': skipped 4 NaN/inf values"])
        XCTAssertNotNil(rendering.text)
        let clean = try gnuplot.render(Figure(series: [Series([1, 2], title: "loss")]), to: .text(width: 50, height: 12, color: false))
        XCTAssertEqual(clean.warnings, [])
    }

    func testEmptyAndAllNaNSeriesAreErrors() throws {
        XCTAssertThrowsError(try gnuplot.render(Figure(series: [Series([], title: "reward")]), to: .text(width: 50, height: 12, color: false))) { error in
            XCTAssertEqual(error as? PlotError, .emptySeries("reward"))
            XCTAssertEqual("\(error)", "series 'reward' is empty: nothing to plot")
        }
        XCTAssertThrowsError(try gnuplot.render(Figure(series: [Series([.nan, .infinity])]), to: .text(width: 50, height: 12, color: false))) { error in
            XCTAssertEqual(error as? PlotError, .noPlottableValues(series: "series 1", skipped: 2))
        }
        XCTAssertThrowsError(try gnuplot.render(Figure(), to: .text(width: 50, height: 12, color: false)))
    }

    func testGnuplotWarningsComeBackWithTheRendering() throws {
        let rendering = try gnuplot.render(Figure(series: [Series([5], title: "one")]), to: .text(width: 50, height: 12, color: false))
        XCTAssertTrue(rendering.warnings.contains { $0.hasPrefix("gnuplot: ") && $0.contains("empty x range") }, "\(rendering.warnings)")
    }

    func testLogScaleSkipsNonPositiveValues() throws {
        var figure = Figure(series: [Series([0, 1, 10, 100, -5, 1000], title: "loss")])
        figure.logscale = .y
        let rendering = try gnuplot.render(figure, to: .text(width: 60, height: 15, color: false))
        XCTAssertEqual(rendering.warnings, ["series 'loss': skipped 2 values not positive on the logarithmic axis"])
        XCTAssertTrue(rendering.text!.contains("1000"))
    }

    func testHistogramDrawsBoxes() throws {
        let values = (0..<1000).map { Double($0 % 10) }
        let rendering = try gnuplot.render(Figure(series: [Series.histogram(values, bins: 10)]), to: .image(.png, width: 300, height: 200))
        XCTAssertNotNil(rendering.data)
        let text = try XCTUnwrap(gnuplot.render(Figure(series: [Series.histogram(values, bins: 10)]), to: .text(width: 60, height: 15, color: false)).text)
        XCTAssertTrue(text.contains("100"), "bins hold 100 values each:\n\(text)")
    }

    func testGnuplotErrorIsReportedAndTheSessionContinues() throws {
        var figure = Figure(series: [Series([1, 2])])
        figure.rawCommands = ["set xrange [undefined_thing:3]"]
        XCTAssertThrowsError(try gnuplot.render(figure, to: .text(width: 50, height: 12, color: false))) { error in
            guard case PlotError.gnuplotError(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("undefined variable: undefined_thing"), message)
        }
        figure.rawCommands = []
        XCTAssertNotNil(try gnuplot.render(figure, to: .text(width: 50, height: 12, color: false)).text)
    }

    func testRawRunsCommandsAndRefusesUnsafeOnes() throws {
        XCTAssertEqual(try gnuplot.runRaw("print 6*7").trimmingCharacters(in: .whitespacesAndNewlines), "42")
        XCTAssertThrowsError(try gnuplot.runRaw("print nosuchvar")) { error in
            XCTAssertTrue("\(error)".contains("undefined variable: nosuchvar"), "\(error)")
        }
        for bad in ["set terminal png", "se out 'x.png'", "quit", "pause -1", "set title 'a' \\", "if (1) {"] {
            XCTAssertThrowsError(try gnuplot.runRaw(bad), bad) { error in
                guard case PlotError.invalidArgument = error else { return XCTFail("\(bad): \(error)") }
            }
        }
        XCTAssertNoThrow(try gnuplot.runRaw("set key left top; set title 'terminal output'"))
    }

    func testGnuplotDyingMidRunIsAnErrorAndTheNextPlotWorks() throws {
        let figure = Figure(series: [Series([1, 2, 3])])
        _ = try gnuplot.render(figure, to: .text(width: 50, height: 12, color: false))
        let pid = try XCTUnwrap(gnuplot.processID)
        XCTAssertEqual(kill(pid, SIGKILL), 0)
        XCTAssertThrowsError(try gnuplot.render(figure, to: .text(width: 50, height: 12, color: false))) { error in
            guard case PlotError.gnuplotDied(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("pid \(pid)"), message)
            XCTAssertTrue("\(error)".contains("next plot starts a new gnuplot"))
        }
        // The same figure restarts its gnuplot; a new figure works too.
        XCTAssertNotNil(try gnuplot.render(figure, to: .text(width: 50, height: 12, color: false)).text)
        XCTAssertNotEqual(gnuplot.processID, pid)
        let other = Gnuplot()
        defer { other.close() }
        XCTAssertNotNil(try other.render(figure, to: .text(width: 50, height: 12, color: false)).text)
    }

    func testGnuplotKilledWhileRenderingABigPlot() throws {
        let n = 2_000_000
        let figure = Figure(series: [Series((0..<n).map { sin(Double($0) / 1000) })])
        _ = try gnuplot.render(Figure(series: [Series([1, 2])]), to: .text(width: 50, height: 12, color: false))
        let pid = try XCTUnwrap(gnuplot.processID)
        let killer = Thread { usleep(30_000); kill(pid, SIGKILL) }
        killer.start()
        do {
            _ = try gnuplot.render(figure, to: .image(.png, width: 400, height: 300))
            // gnuplot may have finished before the signal landed; then the next call notices.
        } catch PlotError.gnuplotDied {
        }
        XCTAssertNotNil(try gnuplot.render(Figure(series: [Series([1, 2])]), to: .text(width: 50, height: 12, color: false)).text)
    }

    func testMissingGnuplotNamesThePackage() throws {
        let missing = Gnuplot(environment: ["PATH": directory.path + ":/nonexistent"])
        XCTAssertThrowsError(try missing.render(Figure(series: [Series([1, 2])]), to: .text(width: 50, height: 12, color: false))) { error in
            guard case PlotError.gnuplotMissing = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("gnuplot-nox"), "\(error)")
            XCTAssertTrue("\(error)".contains("/nonexistent"), "\(error)")
        }
        XCTAssertFalse(Gnuplot.isAvailable(environment: ["PATH": "/nonexistent"]))
        XCTAssertThrowsError(try Gnuplot.locate(environment: ["R3_GNUPLOT": "/no/gnuplot"]))
    }

    func testNotGnuplotAtAllIsAClearStartError() throws {
        let fake = Gnuplot(environment: ["R3_GNUPLOT": "/bin/cat"], timeout: 1)
        XCTAssertThrowsError(try fake.run("print 1")) { error in
            XCTAssertTrue("\(error)".contains("/bin/cat"), "\(error)")
        }
    }

    private func bigEndian(_ data: Data, at offset: Int) -> Int {
        data[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
    }
}

final class SVGProbe: NSObject, XMLParserDelegate {
    var root: String?
    var attributes: [String: String] = [:]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil {
            root = name
            self.attributes = attributes
        }
    }
}
