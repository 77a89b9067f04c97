import Foundation
import XCTest

/// The REPL on a real pseudo-terminal (tmux): a plot is drawn right there, and `live(...)`
/// redraws one figure in place while a loop runs.
final class REPLPlotTests: XCTestCase {
    private var session = ""
    private var directory: URL!
    private var tmux = ""
    /// A private tmux server per test (a fresh machine has none running).
    private let socket = "r3plot-\(UUID().uuidString.prefix(8))"

    override func setUpWithError() throws {
        let binary = try R3Binary.require()
        try XCTSkipUnless(gnuplotInstalled, "gnuplot is not installed")
        guard let found = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("tmux is not installed")
        }
        tmux = found
        directory = try makeTemporaryDirectory("r3-repl-plot")
        session = "r3plot\(getpid())\(Int.random(in: 0..<1_000_000))"
        let command = "cd \(directory.path) && env -u R3_PLOT -u R3_PLOT_DIR NO_COLOR=1 TERM=xterm R3_HISTORY=\(directory.path)/history \(binary)"
        XCTAssertEqual(try tmuxRun(["new-session", "-d", "-s", session, "-x", "120", "-y", "40", command]), 0)
        try waitFor("the prompt") { REPLPlotTests.isPrompt($0.components(separatedBy: "\n").last { !$0.isEmpty } ?? "") }
    }

    override func tearDownWithError() throws {
        if !session.isEmpty { _ = try? tmuxRun(["kill-server"]) }
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// An empty prompt line (capture-pane drops trailing spaces).
    static func isPrompt(_ line: String) -> Bool { line == "r3>" || line == "r3> " }

    @discardableResult
    private func tmuxRun(_ arguments: [String]) throws -> Int32 {
        TerminalSession.spawnDetached(tmux, ["-L", socket] + arguments)
    }

    /// The pane's text, with `history` lines of scrollback.
    private func capture(history: Int = 0) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmux)
        process.arguments = ["-L", socket, "capture-pane", "-p", "-t", session] + (history > 0 ? ["-S", "-\(history)"] : [])
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    private func send(_ line: String) throws {
        try tmuxRun(["send-keys", "-t", session, "-l", line])
        try tmuxRun(["send-keys", "-t", session, "Enter"])
    }

    private func waitFor(_ what: String, timeout: Double = 30, _ condition: (String) -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture(history: 500)
            if condition(screen) { return }
            usleep(100_000)
        }
        throw TimedOut(description: "timed out waiting for \(what); the screen:\n\(screen)")
    }

    struct TimedOut: Error, CustomStringConvertible { let description: String }

    func testAPlotIsDrawnInTheTerminal() throws {
        try send("plot([1, 4, 9, 16, 25], title: \"squares\")")
        try waitFor("the drawing and the next prompt") { screen in
            let lines = screen.components(separatedBy: "\n")
            guard let title = lines.firstIndex(where: { $0.contains("squares") && !$0.contains("plot(") }) else { return false }
            return lines[(title + 1)...].contains(where: REPLPlotTests.isPrompt)
        }
        let screen = try capture(history: 500)
        XCTAssertTrue(screen.contains("  25 +-----"), screen)
        XCTAssertTrue(screen.contains("*"), screen)
        XCTAssertFalse(screen.contains("plot saved"), "on a terminal the figure is drawn, not saved")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".png") }
        XCTAssertEqual(files, [])
        // The figure fits the 120-column window (less one column).
        let widest = screen.components(separatedBy: "\n").map(\.count).max() ?? 0
        XCTAssertLessThanOrEqual(widest, 119)
        XCTAssertGreaterThan(widest, 100)
    }

    func testLiveRedrawsInPlaceDuringALoop() throws {
        let log = directory.appendingPathComponent("pane.log").path
        XCTAssertEqual(try tmuxRun(["pipe-pane", "-t", session, "-o", "cat >> \(log)"]), 0)
        // 60 steps of 20 ms each: the live plot redraws every 5 records, at most ten times a second.
        try send("let m = metrics(); let lp = live(m, [\"loss\"], every: 5); for i in 1...60 { let t = clock(); while clock() - t < 0.02 { }; m.add(i, [\"loss\": 1 / i]) }")
        try waitFor("the final frame and the prompt") { screen in
            guard let final = screen.range(of: "loss  (step 60)") else { return false }
            return screen[final.upperBound...].components(separatedBy: "\n").contains(where: REPLPlotTests.isPrompt)
        }
        let screen = try capture(history: 500)
        XCTAssertEqual(screen.components(separatedBy: "(step ").count - 1, 1,
                       "earlier frames were overwritten in place, not printed below each other:\n\(screen)")
        try tmuxRun(["pipe-pane", "-t", session])
        let raw = String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
        let frames = raw.components(separatedBy: "(step ").count - 1
        let cursorUps = raw.components(separatedBy: "\u{1B}[").dropFirst().filter { part in
            let digits = part.prefix { $0.isNumber }
            return !digits.isEmpty && part.dropFirst(digits.count).first == "A"
        }.count
        XCTAssertGreaterThanOrEqual(frames, 3, "several frames were drawn")
        XCTAssertGreaterThanOrEqual(cursorUps, frames - 1, "each redraw moves the cursor up over the previous frame")
        try send("print(lp.frames >= 3)")
        try waitFor("the frame count") { $0.contains("\ntrue\n") }
    }

    func testAProgressBarDrawsOnOneLine() throws {
        try send("let p = progress(total: 40, label: \"work\"); for i in 1...40 { let t = clock(); while clock() - t < 0.01 { }; p.advance([\"loss\": 1 / i]) }; p.finish()")
        try waitFor("the finished bar and the prompt") { screen in
            let lines = screen.components(separatedBy: "\n")
            return lines.contains { $0.hasPrefix("work 100%|") } && REPLPlotTests.isPrompt(lines.last { !$0.isEmpty } ?? "")
        }
        let lines = try capture(history: 500).components(separatedBy: "\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix("work ") }.count, 1, "the bar is redrawn on one line:\n\(lines.joined(separator: "\n"))")
        let bar = lines.first { $0.hasPrefix("work 100%|") } ?? ""
        XCTAssertTrue(bar.contains("40/40 ["), bar)
        XCTAssertTrue(bar.contains("loss=0.025"), bar)
        XCTAssertTrue(bar.contains("█"), bar)
    }
}
