import Foundation
import XCTest
@testable import R3Plot

final class MetricsLogTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("r3metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    func testColumnsLastMeanAndMerging() throws {
        let log = MetricsLog()
        log.add(step: 1, [("loss", 2.0), ("reward", 0.1)])
        log.add(step: 2, [("loss", 1.5), ("reward", 0.3), ("kl", 0.01)])
        log.add(step: 2, [("grad_norm", 3.0), ("loss", 1.4)])  // same step: merged
        log.add(step: 3, [("reward", .nan)])
        XCTAssertEqual(log.columns, ["loss", "reward", "kl", "grad_norm"])
        XCTAssertEqual(log.count, 3)
        XCTAssertEqual(log.records[1], MetricsLog.Record(step: 2, values: [("loss", 1.4), ("reward", 0.3), ("kl", 0.01), ("grad_norm", 3.0)]))
        XCTAssertEqual(log.last?.step, 3)
        XCTAssertTrue(log.last?["reward"]?.isNaN ?? false)
        XCTAssertNil(log.last?["loss"])
        let loss = try log.column("loss")
        XCTAssertEqual(loss.steps, [1, 2])
        XCTAssertEqual(loss.values, [2.0, 1.4])
        XCTAssertEqual(try log.mean("reward"), 0.2, accuracy: 1e-12)        // NaN left out
        XCTAssertEqual(try log.mean("loss", last: 1), 1.4)
        XCTAssertEqual(try log.mean("loss", last: 50), 1.7, accuracy: 1e-12)
        XCTAssertThrowsError(try log.mean("loss", last: 0))
    }

    func testUnknownColumnListsTheKnownOnes() {
        let log = MetricsLog()
        log.add(step: 0, [("loss", 1), ("reward", 0)])
        XCTAssertThrowsError(try log.column("rewrad")) { error in
            XCTAssertEqual(error as? PlotError, .unknownSeries("rewrad", known: ["loss", "reward"]))
            XCTAssertEqual("\(error)", "unknown series 'rewrad' (did you mean 'reward'?); known: loss, reward")
        }
        XCTAssertThrowsError(try Figure.metrics(log, ["loss", "entropy"])) { error in
            XCTAssertEqual("\(error)", "unknown series 'entropy'; known: loss, reward")
        }
        XCTAssertThrowsError(try MetricsLog().column("loss")) { XCTAssertTrue("\($0)".contains("the log is empty")) }
    }

    func testDictionaryInputUsesTRLOrderThenAlphabetical() {
        let log = MetricsLog()
        log.add(step: 0, ["zeta": 1, "kl": 2, "reward": 3, "alpha": 4, "loss": 5])
        XCTAssertEqual(log.columns, ["loss", "reward", "kl", "alpha", "zeta"])
    }

    func testFigureFromLogPlotsStepsAgainstValues() throws {
        let log = MetricsLog()
        for step in 0..<5 { log.add(step: step * 10, [("reward", Double(step))]) }
        let figure = try Figure.metrics(log, ["reward"], smoothing: 0.6)
        XCTAssertEqual(figure.series[0].x, [0, 10, 20, 30, 40])
        XCTAssertEqual(figure.series[0].title, "reward")
        XCTAssertEqual(figure.series[0].smoothing, 0.6)
        XCTAssertEqual(figure.xlabel, "step")
    }

    func testCSVRoundTripKeepsMissingNaNAndInf() throws {
        let log = MetricsLog()
        log.add(step: 1, [("loss", 2.5), ("completions/mean_length", 17)])
        log.add(step: 2, [("loss", .nan), ("odd,name", 0.1)])
        log.add(step: 3, [("loss", .infinity), ("completions/mean_length", -.infinity)])
        XCTAssertEqual(log.csv, """
            step,loss,completions/mean_length,"odd,name"
            1,2.5,17,
            2,nan,,0.1
            3,inf,-inf,

            """)
        let path = directory.appendingPathComponent("metrics.csv").path
        try log.writeCSV(to: path)
        let back = try MetricsLog.readCSV(from: path)
        XCTAssertEqual(back.columns, log.columns)
        XCTAssertEqual(back.records, log.records)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["metrics.csv"])
    }

    func testCSVImportAcceptsCommonVariants() throws {
        let text = "\u{FEFF}loss,step,note\r\n0.5,1.0,\"x\"\"y\"\r\n\r\n,2,7\r\n"
        XCTAssertThrowsError(try MetricsLog.parseCSV(text, file: "a.csv")) { error in
            XCTAssertEqual("\(error)", "a.csv:2: column 'note': 'x\"y' is not a number")
        }
        let log = try MetricsLog.parseCSV("loss,step,kl\n0.5,1.0,\n,2,NaN\n", file: "b.csv")
        XCTAssertEqual(log.columns, ["loss", "kl"])
        XCTAssertEqual(log.records.map(\.step), [1, 2])
        XCTAssertEqual(log.records[0]["loss"], 0.5)
        XCTAssertNil(log.records[1]["loss"])
        XCTAssertTrue(log.records[1]["kl"]!.isNaN)
    }

    func testCSVImportErrorsNameFileAndLine() {
        let cases: [(String, String)] = [
            ("", "m.csv:1: empty file: expected a header such as 'step,loss'"),
            ("loss,kl\n1,2\n", "m.csv:1: the header has no 'step' column (it has: loss, kl)"),
            ("step,loss,loss\n", "m.csv:1: column 'loss' appears twice"),
            ("step,loss\n1,2\n2,3,4\n", "m.csv:3: 3 fields, but the header has 2"),
            ("step,loss\n1,2\nx,3\n", "m.csv:3: step 'x' is not an integer"),
            ("step,loss\n1.5,2\n", "m.csv:2: step '1.5' is not an integer"),
            ("step,loss\n1,2\n2,abc\n", "m.csv:3: column 'loss': 'abc' is not a number"),
            ("step,loss\n1,\"2\n", "m.csv:2: a quoted field is never closed"),
            ("step,\"multi\nline\",loss\n1,2,3\n4,5,oops\n", "m.csv:4: column 'loss': 'oops' is not a number"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try MetricsLog.parseCSV(text, file: "m.csv"), message) { error in
                XCTAssertEqual("\(error)", message)
            }
        }
        XCTAssertThrowsError(try MetricsLog.readCSV(from: directory.appendingPathComponent("missing.csv").path)) { error in
            XCTAssertTrue("\(error)".contains("missing.csv"))
        }
    }

    func testAtomicWriteReplacesAndReportsUnwritablePaths() throws {
        let path = directory.appendingPathComponent("m.csv").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let log = MetricsLog()
        log.add(step: 0, [("loss", 1)])
        try log.writeCSV(to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "step,loss\n0,1\n")
        let bad = directory.appendingPathComponent("nope/m.csv").path
        XCTAssertThrowsError(try log.writeCSV(to: bad)) { XCTAssertTrue("\($0)".contains(bad), "\($0)") }
    }

    func testConcurrentAddsFromManyThreadsLoseNothing() {
        let log = MetricsLog()
        let seen = LockedCounter()
        let token = log.addObserver { _ in seen.increment() }
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for i in 0..<250 {
                log.add(step: thread * 1000 + i, [("loss", Double(i)), ("reward", Double(thread))])
                _ = log.last
                _ = try? log.mean("loss", last: 10)
            }
        }
        XCTAssertEqual(log.count, 2000)
        XCTAssertEqual(Set(log.records.map(\.step)).count, 2000)
        XCTAssertEqual(seen.value, 2000)
        log.removeObserver(token)
        log.add(step: 99_999, [("loss", 0)])
        XCTAssertEqual(seen.value, 2000)
    }

    func testTRLNames() {
        XCTAssertEqual(TRLMetric.completionsMeanLength.rawValue, "completions/mean_length")
        XCTAssertEqual(TRLMetric.fracRewardZeroStd.rawValue, "frac_reward_zero_std")
        XCTAssertEqual(TRLMetric.rewardMean("accuracy"), "rewards/accuracy/mean")
    }
}

final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
