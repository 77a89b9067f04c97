import XCTest
import R3Random
@testable import R3Tasks

final class VerifyEngineTests: XCTestCase {
    /// Runs the engine over `input` delivered in chunks of 1...`maxChunk` bytes; returns the output lines.
    func run(_ engine: VerifyEngine, _ input: String, maxChunk: Int = 7, seed: UInt64 = 1) throws -> ([JSONValue], VerifySummary) {
        let bytes = Array(input.utf8)
        var offset = 0
        var rng = RandomGenerator(seed: seed)
        var out: [UInt8] = []
        let summary = try engine.run(read: { buffer in
            let n = min(bytes.count - offset, 1 + rng.nextInt(below: maxChunk), buffer.count)
            for k in 0..<n { buffer[k] = bytes[offset + k] }
            offset += n
            return n
        }, write: { out.append(contentsOf: $0) })
        XCTAssertEqual(out.last, 0x0A)
        let lines = String(decoding: out, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        return (try lines.map { try JSONParser.parse(String($0)) }, summary)
    }

    func testCountdownLines() throws {
        let input = [
            "\u{FEFF}" + #"{"nums": [44, 19, 35], "target": 98, "completion": "<think>sum</think><answer>44 + 19 + 35</answer>"}"#,
            #"{"nums": [44, 19, 35], "target": 98, "completion": "<answer>44 + 19 - 35</answer>"}"# + "\r",
            "",
            #"{"nums": [44, 19, 35], "target": 98, "completion": "44 + 19 + 35"}"#,
            #"{"nums": [44, 19, 35], "completion": "<answer>44 + 19 + 35</answer>"}"#,
            #"{"nums": [44, 19, 35], "target": 98}"#,
            #"{"nums": [44, 19, 35], "target": 98, "completion": "<answer>44 + 19 + 35</answer>""#,
            "[1, 2]",
            "   ",
            #"{"nums": [1, 2], "target": 3, "completion": "<answer>(1+2)</answer>"}"#,
        ].joined(separator: "\n")  // the last line has no newline
        let engine = try VerifyEngine(kind: .countdown)
        for maxChunk in [1, 3, 64, 100_000] {
            let (out, summary) = try run(engine, input, maxChunk: maxChunk)
            XCTAssertEqual(out.count, 8)
            XCTAssertEqual(out.map { $0["passed"] }, [true, false, false, false, false, false, false, true].map { JSONValue.bool($0) })
            XCTAssertEqual(out[0], ["passed": true, "score": 1.0, "reason": "correct"])
            XCTAssertEqual(out[1]["reason"], "evaluates to 28, target 98")
            XCTAssertEqual(out[2]["reason"], "no <answer>...</answer> in the output")
            XCTAssertNil(out[2]["error"])
            XCTAssertEqual(out[3], ["passed": false, "score": 0.0, "reason": "line 5: field \"target\": missing", "error": true])
            XCTAssertEqual(out[4]["reason"], "line 6: field \"completion\": missing")
            XCTAssertEqual(out[5]["reason"], "line 7, column 83: unexpected end of input: expected ',' or '}' in object")
            XCTAssertEqual(out[6]["reason"], "line 8: expected a JSON object, got an array")
            XCTAssertEqual(summary, VerifySummary(lines: 8, passed: 2, failed: 6, errors: 4))
        }
        let line = try VerifyEngine(kind: .countdown, countdown: CountdownVerifier(extraction: .firstLine))
        XCTAssertEqual(try run(line, #"{"nums": [1, 2], "target": 3, "completion": "1 + 2\nmore"}"#).0[0]["passed"], true)
    }

    func testFunctionCallingLines() throws {
        var lines: [String] = []
        for (k, text) in xlamLines.enumerated() {
            var o = try XCTUnwrap(try JSONParser.parse(text).objectValue)
            let t = try FunctionCallingTask(json: .object(o))
            let gold = JSONValue.array(t.answers.map(\.json)).description
            o["completion"] = .string(k % 2 == 0 ? gold : "[]")
            lines.append(JSONValue.object(o).description)
        }
        let (out, summary) = try run(try VerifyEngine(kind: .functionCalling), lines.joined(separator: "\n") + "\n")
        XCTAssertEqual(out.map { $0["passed"]?.boolValue }, [true, false, true, false])
        XCTAssertEqual(out[1]["reason"], "missing call to stock_quote; missing call to forecast")
        XCTAssertEqual(summary.passed, 2)
        XCTAssertThrowsError(try VerifyEngine(kind: .text))
    }

    func testAnswersEachLineBeforeReadingTheNext() throws {
        let engine = try VerifyEngine(kind: .countdown, countdown: CountdownVerifier(extraction: .firstLine))
        let chunks = [#"{"nums": [1, 2], "target": 3, "completion": "1+2"}"# + "\n", #"{"nums": [1, 2], "target": 3, "completion": "1-2"}"# + "\n"]
        var reads = 0
        var written: [String] = []
        _ = try engine.run(read: { buffer in
            defer { reads += 1 }
            // Before the second line is read, the first answer has been written.
            XCTAssertEqual(written.count, reads)
            guard reads < chunks.count else { return 0 }
            let b = Array(chunks[reads].utf8)
            for k in b.indices { buffer[k] = b[k] }
            return b.count
        }, write: { written.append(String(decoding: $0, as: UTF8.self)) })
        XCTAssertEqual(written, [#"{"passed":true,"score":1.0,"reason":"correct"}"# + "\n", #"{"passed":false,"score":0.0,"reason":"evaluates to -1, target 3"}"# + "\n"])
    }

    func testOverlongLines() throws {
        let engine = try VerifyEngine(kind: .countdown, countdown: CountdownVerifier(extraction: .firstLine), maxLineBytes: 100)
        let ok = #"{"nums": [1, 2], "target": 3, "completion": "1+2"}"#
        let long = #"{"nums": [1, 2], "target": 3, "completion": ""# + String(repeating: "1", count: 1000) + #""}"#
        for maxChunk in [5, 64, 5000] {
            let (out, summary) = try run(engine, [ok, long, ok].joined(separator: "\n") + "\n", maxChunk: maxChunk)
            XCTAssertEqual(out.map { $0["reason"]?.stringValue }, ["correct", "line 2: longer than 100 bytes", "correct"])
            XCTAssertEqual(summary.errors, 1)
        }
    }

    func testFileDescriptors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("r3-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let tasks = try CountdownGenerator.generate(.init(count: 600, seed: 4))
        let prompt = CountdownPrompt(style: .chat)
        var lines: [String] = []
        for (k, t) in tasks.enumerated() {
            var o = try XCTUnwrap(t.json.objectValue)
            let demo = try XCTUnwrap(try prompt.demonstration(t))
            o["completion"] = .string(k % 3 == 0 ? "<answer>1</answer>" : demo.completion)
            lines.append(JSONValue.object(o).description)
        }
        let inURL = dir.appendingPathComponent("in.jsonl"), outURL = dir.appendingPathComponent("out.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: inURL)
        XCTAssertTrue(FileManager.default.createFile(atPath: outURL.path, contents: nil))
        let input = try FileHandle(forReadingFrom: inURL), output = try FileHandle(forWritingTo: outURL)
        let summary = try VerifyEngine(kind: .countdown).run(inputFileDescriptor: input.fileDescriptor, outputFileDescriptor: output.fileDescriptor)
        try input.close()
        try output.close()
        XCTAssertEqual(summary, VerifySummary(lines: 600, passed: 400, failed: 200, errors: 0))
        let out = try String(contentsOf: outURL, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(out.count, 600)
        XCTAssertEqual(String(out[1]), #"{"passed":true,"score":1.0,"reason":"correct"}"#)
    }
}

final class BenchmarkSmokeTests: XCTestCase {
    func testBenchmarkReports() throws {
        let lines = try VerifierBenchmark.run(count: 500, repeats: 1)
        XCTAssertEqual(lines.count, 5)
        XCTAssertTrue(lines[0].hasPrefix("name=countdown_first_line outputs=500 pass_pct=40.0 wall_ms="), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("name=countdown_answer_tags outputs=500 pass_pct=40.0 wall_ms="), lines[1])
        XCTAssertTrue(lines[3].hasPrefix("name=function_calling_strict_json outputs=500 pass_pct=40.0 wall_ms="), lines[3])
        XCTAssertTrue(lines[4].hasPrefix("name=json_parse_xlam_records mb_per_s="), lines[4])
        for line in lines { XCTAssertTrue(line.split(separator: " ").allSatisfy { $0.contains("=") }, line) }
    }
}
