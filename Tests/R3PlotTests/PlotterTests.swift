import Foundation
import XCTest
@testable import R3Plot

final class PlotterTests: XCTestCase {
    var plotter: Plotter!
    var directory: URL!

    override func setUpWithError() throws {
        try XCTSkipUnless(Gnuplot.isAvailable(), "gnuplot is not installed")
        plotter = Plotter()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("r3plotter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        plotter?.close()
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    func testRawCommandsAreKeptAndReplayedInSavedFiles() throws {
        plotter.plot([Series([1, 2, 3], title: "loss")])
        try plotter.raw("set title 'from raw'")
        XCTAssertThrowsError(try plotter.raw("set nosuchoption")) { error in
            guard case PlotError.gnuplotError = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(plotter.figure.rawCommands, ["set title 'from raw'"], "a failing raw command is not kept")
        let path = directory.appendingPathComponent("curve.svg").path
        try plotter.savefig(path)
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).contains("from raw"))
        plotter.plot([Series([3, 2, 1])])
        XCTAssertEqual(plotter.figure.rawCommands, [], "a new plot starts afresh")
    }

    func testShowFollowsTheDisplay() throws {
        let log = MetricsLog()
        for step in 0..<20 { log.add(step: step, [("reward", Double(step % 5))]) }
        try plotter.plot(log, ["reward"], smoothing: 0.5, title: "reward")
        XCTAssertNil(try plotter.show(on: .file))
        let shown = try XCTUnwrap(plotter.show(on: .text(width: 60, height: 15, color: false)))
        XCTAssertTrue(shown.text?.contains("reward") ?? false)
        XCTAssertThrowsError(try plotter.plot(log, ["kl"])) { XCTAssertTrue("\($0)".contains("known: reward")) }
        plotter.hist([1, 2, 2, 3, 3, 3], bins: 3)
        let png = try plotter.png(width: 200, height: 150)
        XCTAssertEqual(png.data?.prefix(4).map { $0 }, [0x89, 0x50, 0x4E, 0x47])
    }
}
