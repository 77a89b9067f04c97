import Foundation
import XCTest
@testable import R3Plot

/// Collects what a live plot or progress bar writes.
final class CapturedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""
    var text: String { lock.withLock { buffer } }
    func output(isTTY: Bool, columns: Int = 80) -> TerminalOutput {
        TerminalOutput(isTTY: isTTY, size: TerminalSize(columns: columns, rows: 24)) { [self] s in lock.withLock { buffer += s } }
    }
}

/// A settable clock for throttling tests.
final class FakeClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 1000.0
    func advance(_ seconds: Double) { lock.withLock { now += seconds } }
    var read: @Sendable () -> Double { { [self] in lock.withLock { now } } }
}

/// A pseudo-terminal pair (posix_openpt), closed on deinit. The pty functions are looked up with
/// dlsym because Glibc's Swift module hides them behind _XOPEN_SOURCE.
final class PseudoTerminal {
    let master: Int32
    let slave: Int32
    init() throws {
        typealias OpenPT = @convention(c) (Int32) -> Int32
        typealias OnFD = @convention(c) (Int32) -> Int32
        typealias Name = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        let handle = dlopen(nil, RTLD_NOW)
        guard let a = dlsym(handle, "posix_openpt"), let b = dlsym(handle, "grantpt"), let c = dlsym(handle, "unlockpt"),
              let d = dlsym(handle, "ptsname") else { throw XCTSkip("no pseudo-terminal functions") }
        let openpt = unsafeBitCast(a, to: OpenPT.self), grant = unsafeBitCast(b, to: OnFD.self)
        let unlock = unsafeBitCast(c, to: OnFD.self), name = unsafeBitCast(d, to: Name.self)
        master = openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, grant(master) == 0, unlock(master) == 0, let path = name(master) else {
            throw XCTSkip("no pseudo-terminals here")
        }
        slave = open(path, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw XCTSkip("cannot open \(String(cString: path))") }
    }
    deinit { close(slave); close(master) }
}

final class TerminalPolicyTests: XCTestCase {
    let size = TerminalSize(columns: 100, rows: 40)

    func testFilesOffATerminalAndTextOnOne() {
        XCTAssertEqual(TerminalPolicy.display(isTTY: false, environment: [:], size: size), .file)
        XCTAssertEqual(TerminalPolicy.display(isTTY: true, environment: ["TERM": "xterm-256color"], size: size),
                       .text(width: 99, height: 25, color: true))
    }

    func testEnvironmentOverridesAndNoColor() {
        XCTAssertEqual(TerminalPolicy.display(isTTY: false, environment: ["R3_PLOT": "text"], size: size),
                       .text(width: 99, height: 25, color: false))
        XCTAssertEqual(TerminalPolicy.display(isTTY: true, environment: ["R3_PLOT": "file"], size: size), .file)
        XCTAssertEqual(TerminalPolicy.display(isTTY: true, environment: ["NO_COLOR": "1"], size: size),
                       .text(width: 99, height: 25, color: false))
        XCTAssertEqual(TerminalPolicy.display(isTTY: true, environment: ["NO_COLOR": ""], size: size),
                       .text(width: 99, height: 25, color: true), "an empty NO_COLOR does not count (no-color.org)")
        XCTAssertEqual(TerminalPolicy.display(isTTY: true, environment: ["TERM": "dumb"], size: size),
                       .text(width: 99, height: 25, color: false))
    }

    func testSixelWhenRequestedOrAnnounced() {
        XCTAssertEqual(TerminalPolicy.display(isTTY: true, environment: ["R3_PLOT": "sixel"], size: size), .sixel(width: 800, height: 480))
        XCTAssertEqual(TerminalPolicy.display(isTTY: false, environment: ["R3_PLOT": "sixel"], size: size), .file)
        XCTAssertEqual(TerminalPolicy.display(isTTY: true, environment: [:], size: size, sixelAnnounced: true), .sixel(width: 800, height: 480))
        XCTAssertEqual(TerminalPolicy.display(isTTY: true, environment: ["TERM": "mlterm"], size: size), .sixel(width: 800, height: 480))
        let pixels = TerminalSize(columns: 100, rows: 40, pixelWidth: 1500, pixelHeight: 900)
        XCTAssertEqual(TerminalPolicy.display(isTTY: true, environment: ["R3_PLOT": "sixel"], size: pixels), .sixel(width: 1000, height: 600))
    }

    func testTextSizeFitsTheWindow() {
        XCTAssertTrue(TerminalPolicy.textSize(for: TerminalSize(columns: 80, rows: 24)) == (79, 20))
        XCTAssertTrue(TerminalPolicy.textSize(for: TerminalSize(columns: 250, rows: 70)) == (240, 25))
        XCTAssertTrue(TerminalPolicy.textSize(for: TerminalSize(columns: 30, rows: 10)) == (29, 8))
        XCTAssertTrue(TerminalPolicy.textSize(for: TerminalSize(columns: 5, rows: 3)) == (20, 8))
    }

    func testDeviceAttributes() {
        XCTAssertTrue(TerminalPolicy.deviceAttributesAnnounceSixel("\u{1B}[?62;4;6;22c"))
        XCTAssertTrue(TerminalPolicy.deviceAttributesAnnounceSixel("\u{1B}[?64;1;2;4c"))
        XCTAssertFalse(TerminalPolicy.deviceAttributesAnnounceSixel("\u{1B}[?62;44;6;22c"))
        XCTAssertFalse(TerminalPolicy.deviceAttributesAnnounceSixel("\u{1B}[?1;2c"))
        XCTAssertFalse(TerminalPolicy.deviceAttributesAnnounceSixel(""))
    }

    func testWindowSizeThroughIoctl() throws {
        let pty = try PseudoTerminal()
        var size = winsize(ws_row: 33, ws_col: 121, ws_xpixel: 968, ws_ypixel: 528)
        XCTAssertEqual(ioctl(pty.master, UInt(TIOCSWINSZ), &size), 0)
        XCTAssertEqual(TerminalSize.of(fileDescriptor: pty.slave), TerminalSize(columns: 121, rows: 33, pixelWidth: 968, pixelHeight: 528))
        let pipe = Pipe()
        XCTAssertNil(TerminalSize.of(fileDescriptor: pipe.fileHandleForWriting.fileDescriptor))
    }

    func testSixelQueryOverAPseudoTerminal() throws {
        for (reply, expected) in [("\u{1B}[?62;4;22c", true), ("\u{1B}[?62;22c", false)] {
            let pty = try PseudoTerminal()
            let master = pty.master
            let answer = Thread {
                var query = [UInt8](repeating: 0, count: 16)
                let n = read(master, &query, query.count)
                if n >= 3, Array(query[0..<3]) == Array("\u{1B}[c".utf8) {
                    let bytes = Array(reply.utf8)
                    _ = write(master, bytes, bytes.count)
                }
            }
            answer.start()
            XCTAssertEqual(TerminalPolicy.queryTerminalSixel(input: pty.slave, output: pty.slave, timeout: 2), expected, reply)
        }
        let pipe = Pipe()
        XCTAssertFalse(TerminalPolicy.queryTerminalSixel(input: pipe.fileHandleForReading.fileDescriptor,
                                                         output: pipe.fileHandleForWriting.fileDescriptor))
    }
}

final class LivePlotTests: XCTestCase {
    override func setUpWithError() throws { try XCTSkipUnless(Gnuplot.isAvailable(), "gnuplot is not installed") }

    private func fill(_ log: MetricsLog, _ steps: Range<Int>, clock: FakeClock?) {
        for step in steps {
            log.add(step: step, [("loss", 2.0 / Double(step + 1)), ("reward", Double(step) / 30)])
            clock?.advance(1)
        }
    }

    func testRedrawsInPlaceEveryNRecordsOnATerminal() throws {
        let log = MetricsLog(), captured = CapturedOutput(), clock = FakeClock()
        let live = try LivePlot(log: log, columns: ["loss", "reward"], every: 10, output: captured.output(isTTY: true),
                                size: (60, 15), environment: ["NO_COLOR": "1"], clock: clock.read)
        live.attach()
        fill(log, 0..<25, clock: clock)
        XCTAssertEqual(live.frames, 2)
        try live.finish()
        XCTAssertEqual(live.frames, 3, "finish draws the last records")
        fill(log, 25..<40, clock: clock)
        XCTAssertEqual(live.frames, 3, "detached after finish")
        let text = captured.text
        let frames = text.components(separatedBy: "\r\u{1B}[J")
        XCTAssertEqual(frames.count, 4)
        XCTAssertEqual(frames[0], "", "the first frame moves nowhere")
        let firstLines = frames[1].filter { $0 == "\n" }.count
        XCTAssertTrue(frames[1].hasSuffix("\u{1B}[\(firstLines)A"), "the second frame first moves up over the first")
        XCTAssertTrue(frames[3].contains("(step 24)"))
        XCTAssertFalse(text.contains("\u{1B}[0;"), "NO_COLOR: no colour codes")
    }

    func testColourWithoutNoColor() throws {
        let log = MetricsLog(), captured = CapturedOutput()
        let live = try LivePlot(log: log, columns: ["loss"], every: 1, output: captured.output(isTTY: true),
                                size: (60, 15), environment: ["TERM": "xterm"], clock: FakeClock().read)
        fill(log, 0..<3, clock: nil)
        XCTAssertTrue(live.update())
        XCTAssertTrue(captured.text.contains("\u{1B}[0;"))
    }

    func testThrottledByTime() throws {
        let log = MetricsLog(), captured = CapturedOutput(), clock = FakeClock()
        let live = try LivePlot(log: log, columns: ["loss"], every: 1, output: captured.output(isTTY: true),
                                size: (60, 15), minimumInterval: 0.1, clock: clock.read)
        live.attach()
        fill(log, 0..<50, clock: nil)  // the clock stands still: one frame only
        XCTAssertEqual(live.frames, 1)
        clock.advance(0.05)
        log.add(step: 50, [("loss", 0.1)])
        XCTAssertEqual(live.frames, 1)
        clock.advance(0.06)
        log.add(step: 51, [("loss", 0.1)])
        XCTAssertEqual(live.frames, 2)
        try live.finish()
    }

    func testNothingOffATerminal() throws {
        let log = MetricsLog(), captured = CapturedOutput(), clock = FakeClock()
        let live = try LivePlot(log: log, columns: ["loss"], every: 1, output: captured.output(isTTY: false), clock: clock.read)
        live.attach()
        fill(log, 0..<20, clock: clock)
        try live.finish()
        XCTAssertEqual(live.frames, 0)
        XCTAssertEqual(captured.text, "")
    }

    func testColumnsAppearingLateAndNeverAppearing() throws {
        let log = MetricsLog(), captured = CapturedOutput(), clock = FakeClock()
        let live = try LivePlot(log: log, columns: ["loss", "kl"], every: 5, output: captured.output(isTTY: true),
                                size: (60, 15), clock: clock.read)
        live.attach()
        fill(log, 0..<10, clock: clock)
        XCTAssertEqual(live.frames, 2, "draws the columns that exist")
        XCTAssertThrowsError(try live.finish()) { error in
            XCTAssertEqual("\(error)", "unknown series 'kl'; known: loss, reward")
        }
        XCTAssertThrowsError(try LivePlot(log: log, columns: ["loss"], every: 0, output: captured.output(isTTY: true)))
        XCTAssertThrowsError(try LivePlot(log: log, columns: [], output: captured.output(isTTY: true)))
    }

    func testAGnuplotFailureIsReportedOnceAndTheLoopGoesOn() throws {
        let log = MetricsLog(), captured = CapturedOutput(), clock = FakeClock()
        let live = try LivePlot(log: log, columns: ["loss"], every: 1, output: captured.output(isTTY: true), size: (60, 15),
                                gnuplot: Gnuplot(environment: ["PATH": "/nonexistent"]), clock: clock.read)
        live.attach()
        fill(log, 0..<5, clock: clock)
        XCTAssertEqual(log.count, 5)
        XCTAssertEqual(live.frames, 0)
        guard case .gnuplotMissing = live.lastError else { return XCTFail("\(String(describing: live.lastError))") }
        XCTAssertEqual(captured.text.components(separatedBy: "live plot:").count, 2, "reported once:\n\(captured.text)")
    }
}

final class ProgressBarTests: XCTestCase {
    func testLineShowsStepsRateETAAndMetrics() {
        let captured = CapturedOutput(), clock = FakeClock()
        let bar = ProgressBar(total: 1000, label: "train", output: captured.output(isTTY: true, columns: 120),
                              environment: ["NO_COLOR": "1"], clock: clock.read)
        clock.advance(12)
        bar.update(completed: 420, metrics: [("loss", 1.23456), ("reward", 0.3)])
        let line = bar.line(now: clock.read())
        XCTAssertTrue(line.hasPrefix("train  42%|"), line)
        XCTAssertTrue(line.hasSuffix("| 420/1000 [00:12<00:17, 35.00 it/s] loss=1.235 reward=0.3"), line)
        let barText = line.split(separator: "|")[1]
        XCTAssertEqual(barText.count, 40)
        XCTAssertEqual(barText.filter { $0 == "█" }.count, 16, "42% of 40 cells = 16.8")
        XCTAssertTrue(barText.contains("▊"), "the remaining 0.8 cell as six eighths")
        XCTAssertTrue(captured.text.hasPrefix("\r"))
        XCTAssertTrue(captured.text.hasSuffix("\u{1B}[K"))
        XCTAssertFalse(captured.text.contains("\u{1B}[32m"), "NO_COLOR")
    }

    func testColourUnknownTotalAndASCII() {
        let clock = FakeClock()
        let colored = ProgressBar(total: 10, output: CapturedOutput().output(isTTY: true), environment: [:], clock: clock.read)
        colored.update(completed: 5)
        XCTAssertTrue(colored.line(now: clock.read() + 1).contains("\u{1B}[32m"))
        let open = ProgressBar(total: nil, label: "sample", output: CapturedOutput().output(isTTY: true), environment: [:], clock: clock.read)
        open.advance(by: 123)
        XCTAssertEqual(open.line(now: clock.read() + 2), "sample 123 it [00:02, 61.50 it/s]")
        let ascii = ProgressBar(total: 4, output: CapturedOutput().output(isTTY: true), environment: ["TERM": "dumb"], clock: clock.read)
        ascii.update(completed: 2)
        XCTAssertTrue(ascii.line(now: clock.read() + 1).contains("|####################                    |"))
        let slow = ProgressBar(total: 10, output: CapturedOutput().output(isTTY: true), environment: [:], clock: clock.read)
        slow.update(completed: 1)
        XCTAssertTrue(slow.line(now: clock.read() + 4).contains("4.00 s/it"))
    }

    func testThrottleAndFinish() {
        let captured = CapturedOutput(), clock = FakeClock()
        let bar = ProgressBar(total: 100, output: captured.output(isTTY: true), environment: [:], minimumInterval: 0.1, clock: clock.read)
        for _ in 0..<100 {
            bar.advance()
            clock.advance(0.02)
        }
        XCTAssertTrue((16...21).contains(bar.redraws), "\(bar.redraws) redraws for 2 s at >= 0.1 s apart")
        bar.finish()
        bar.finish()
        XCTAssertTrue(captured.text.hasSuffix("\u{1B}[K\n"))
        XCTAssertTrue(captured.text.contains("100/100"))
        XCTAssertEqual(captured.text.filter { $0 == "\n" }.count, 1)
    }

    func testNothingOffATerminalAndFitsNarrowTerminals() {
        let captured = CapturedOutput(), clock = FakeClock()
        let quiet = ProgressBar(total: 10, output: captured.output(isTTY: false), clock: clock.read)
        quiet.advance(by: 10)
        quiet.finish()
        XCTAssertEqual(captured.text, "")
        let narrow = ProgressBar(total: 10, output: CapturedOutput().output(isTTY: true, columns: 40), environment: ["NO_COLOR": "1"], clock: clock.read)
        narrow.update(completed: 3, metrics: [("loss", 1), ("reward", 2), ("kl", 3), ("entropy", 4)])
        XCTAssertEqual(narrow.line(now: clock.read() + 1).count, 39)
    }
}

final class TableTests: XCTestCase {
    func testRecordsMakeAlignedTextAndMarkdown() {
        let table = Table(records: [
            [("model", .text("vanilla")), ("first_try", .number(0.3125)), ("second_try", .number(0.375))],
            [("model", .text("trained | r3")), ("first_try", .number(0.5)), ("steps", .number(200))],
        ])
        XCTAssertEqual(table.header, ["model", "first_try", "second_try", "steps"])
        XCTAssertEqual(table.text, """
            model         first_try  second_try  steps
            ------------  ---------  ----------  -----
            vanilla          0.3125       0.375
            trained | r3        0.5                200

            """)
        XCTAssertEqual(table.markdown, """
            | model | first_try | second_try | steps |
            | --- | ---: | ---: | ---: |
            | vanilla | 0.3125 | 0.375 |  |
            | trained \\| r3 | 0.5 |  | 200 |

            """)
    }

    func testListsWithHeader() throws {
        let table = try Table(header: ["name", "ok", "value"], rows: [[.text("a"), .bool(true), .number(1e-05)],
                                                                     [.text("b\nc"), .bool(false), .number(.nan)]])
        XCTAssertEqual(table.markdown.split(separator: "\n")[1], "| --- | --- | ---: |")
        XCTAssertTrue(table.markdown.contains("| b<br>c | false | nan |"))
        XCTAssertTrue(table.text.contains("1e-05"))
        XCTAssertThrowsError(try Table(header: ["a", "b"], rows: [[.number(1), .number(2)], [.number(1)]])) { error in
            XCTAssertEqual("\(error)", "table: row 2 has 1 values but the header has 2 columns")
        }
        XCTAssertEqual(Table(records: []).text, "(empty table)\n")
    }
}
