import Foundation
import XCTest

/// `r3 verify` through the built binary: each kind, script verifiers, bad lines, stdin and
/// streaming, atomic output, and command errors. Expected reasons are the rules of docs/tasks.md.
final class VerifyCommandTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws { directory = try makeTemporaryDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func verdict(_ r: [String: Any]) -> String {
        "\(r["passed"] as? Bool ?? false) \(r["score"] as? Double ?? -1) \(r["reason"] as? String ?? "?")" + (r["error"] as? Bool == true ? " error" : "")
    }

    static let countdownLines = """
        {"nums": [44, 19, 35], "target": 98, "completion": "<think>add them</think><answer>44 + 19 + 35</answer>"}
        {"nums": [5, 7, 3], "target": 38, "completion": "<answer>5*7*3</answer>"}
        {"nums": [5, 7, 3], "target": 38, "completion": "5*7+3"}

        {"nums": [5, 7, 3], "target": 38, "completion": "<answer>5*7+7</answer>"}

        """

    func testCountdownReadsAnswerTagsByDefault() throws {
        let input = try write("in.jsonl", Self.countdownLines)
        let r = try R3Binary.run(["verify", "countdown", "--input", input])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.records.map(verdict), [
            "true 1.0 correct",
            "false 0.0 evaluates to 105, target 38",
            "false 0.0 no <answer>...</answer> in the output",
            "false 0.0 uses 7 twice",
        ])
        XCTAssertEqual(r.stdout.split(separator: "\n").first, #"{"passed":true,"score":1.0,"reason":"correct"}"#)
        XCTAssertTrue(r.stderr.contains("r3 verify: 4 lines: 1 passed, 3 failed (0 bad input lines)"), r.stderr)
    }

    func testCountdownFirstLine() throws {
        let input = try write("in.jsonl", """
            {"nums": [5, 7, 3], "target": 38, "completion": "5*7+3\\nbecause 35 + 3 = 38"}
            {"nums": [5, 7, 3], "target": 38, "completion": "<answer>5*7+3</answer>"}
            """)
        let r = try R3Binary.run(["verify", "countdown", "--input", input, "--first-line", "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.records.map(verdict), ["true 1.0 correct", "false 0.0 not an equation: expected a number or '(' at column 1, found '<'"])
        XCTAssertEqual(r.stderr, "")
    }

    func testFunctionCalling() throws {
        let tools = #"[{\"name\": \"get_weather\", \"description\": \"Weather.\", \"parameters\": {\"city\": {\"type\": \"str\", \"description\": \"City\"}}}]"#
        let answers = #"[{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}]"#
        let record = #"{"id": 3, "query": "Weather in Paris?", "tools": "\#(tools)", "answers": "\#(answers)", "completion": "COMPLETION"}"#
        let completions = [#"[{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}]"#,
                           #"[{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Lyon\"}}]"#,
                           #"```json\n[{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}]\n```"#]
        let input = try write("in.jsonl", completions.map { record.replacingOccurrences(of: "COMPLETION", with: $0) }.joined(separator: "\n"))
        let strict = try R3Binary.run(["verify", "function-calling", "--input", input])
        XCTAssertEqual(strict.status, 0, strict.stderr)
        XCTAssertEqual(strict.records.map(verdict), [
            "true 1.0 correct",
            #"false 0.0 get_weather: argument city: expected "Paris", got "Lyon""#,
            "false 0.0 not valid JSON: line 1, column 1: unexpected character '`': expected a JSON value",
        ])
        let lenient = try R3Binary.run(["verify", "function_calling", "--input", input, "--extraction", "lenient"])
        XCTAssertEqual(lenient.records.map { $0["passed"] as? Bool }, [true, false, true])
    }

    func testMalformedLinesAreAnsweredAndTheRunGoesOn() throws {
        let input = try write("in.jsonl", """
            {"nums": [1, 2], "target": 3, "completion": "<answer>1+2</answer>"}
            {"nums": [1, 2] "target": 3}
            [1, 2]
            {"nums": [1, 2], "completion": "<answer>1+2</answer>"}
            {"nums": [1, 2], "target": 3}
            {"nums": [1, 2], "target": 3, "completion": "<answer>2+1</answer>"}
            """)
        let r = try R3Binary.run(["verify", "countdown", "--input", input])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.records.map(verdict), [
            "true 1.0 correct",
            "false 0.0 line 2, column 17: unexpected character '\"': expected ',' or '}' in object error",
            "false 0.0 line 3: expected a JSON object, got an array error",
            "false 0.0 line 4: field \"target\": missing error",
            "false 0.0 line 5: field \"completion\": missing error",
            "true 1.0 correct",
        ])
        XCTAssertTrue(r.stderr.contains("6 lines: 2 passed, 4 failed (4 bad input lines)"), r.stderr)
    }

    func testScriptVerifierFunction() throws {
        let script = try write("check.r3", """
            print("loading the verifier")
            fn verify(task, output) {
              if output == "boom" { error("the verifier exploded") }
              if output == "half" { return 0.5 }
              if output == "dict" { return ["passed": false, "score": 0.25, "reason": "close"] }
              return countdown.verify(task, output).passed
            }
            """)
        let input = try write("in.jsonl", """
            {"nums": [5, 7, 3], "target": 38, "completion": "5*7+3"}
            {"nums": [5, 7, 3], "target": 38, "completion": "boom"}
            {"nums": [5, 7, 3], "target": 38, "completion": "half"}
            {"nums": [5, 7, 3], "target": 38, "completion": "dict"}
            {"nums": [5, 7, 3], "target": 38, "completion": "5*7"}
            {"nums": [5, -7], "target": 38, "completion": "5*7"}
            """)
        let r = try R3Binary.run(["verify", script, "--input", input])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.records.map(verdict), [
            "true 1.0 correct",
            "false 0.0 the verifier exploded",
            "false 0.5 score 0.5",
            "false 0.25 close",
            "false 0.0 the verifier returned false",
            "false 0.0 line 6: countdown task: field \"nums[1]\": must be a non-negative integer, got -7 error",
        ])
        XCTAssertFalse(r.stdout.contains("loading"), "the script's print must not reach stdout")
        XCTAssertTrue(r.stderr.contains("loading the verifier"), r.stderr)
    }

    func testScriptVerifierObjectAndRecordsOfNoKnownKind() throws {
        let script = try write("regex.r3", #"let verify = regexVerifier("[0-9]+")"#)
        let records = try write("qa.r3", #"fn verify(task, output) { output.trimmed() == task.answer }"#)
        let input = try write("in.jsonl", """
            {"question": "2 + 2?", "answer": "4", "completion": " 4 "}
            {"question": "3 + 3?", "answer": "6", "completion": "six"}
            """)
        let r = try R3Binary.run(["verify", script, "--input", input])
        XCTAssertEqual(r.records.map(verdict), ["false 0.0 the output does not match \"[0-9]+\"", "false 0.0 the output does not match \"[0-9]+\""])
        let q = try R3Binary.run(["verify", records, "--input", input])
        XCTAssertEqual(q.records.map(verdict), ["true 1.0 correct", "false 0.0 the verifier returned false"])
    }

    func testStdinStreamsAnswersBeforeTheInputEnds() throws {
        let script = try write("check.r3", "fn verify(task, output) { output == string(task.target) }")
        for verifier in ["countdown", script] {
            let p = try R3Binary.process(["verify", verifier, "--input", "-", "--quiet"])
            let stdin = Pipe(), stdout = Pipe()
            p.standardInput = stdin
            p.standardOutput = stdout
            p.standardError = FileHandle.nullDevice
            try p.run()
            var answers: [String] = []
            for completion in ["<answer>1+2</answer>", "3"] {
                stdin.fileHandleForWriting.write(Data(#"{"nums": [1, 2], "target": 3, "completion": "\#(completion)"}"#.utf8 + [0x0A]))
                answers.append(try readLine(stdout.fileHandleForReading, timeout: 30))
            }
            try stdin.fileHandleForWriting.close()
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0)
            if verifier == "countdown" {
                XCTAssertEqual(answers, [#"{"passed":true,"score":1.0,"reason":"correct"}"#,
                                         #"{"passed":false,"score":0.0,"reason":"no <answer>...</answer> in the output"}"#])
            } else {
                XCTAssertEqual(answers, [#"{"passed":false,"score":0.0,"reason":"the verifier returned false"}"#,
                                         #"{"passed":true,"score":1.0,"reason":"correct"}"#])
            }
        }
    }

    /// Reads one line, failing when none arrives in time (the answer was not streamed).
    func readLine(_ handle: FileHandle, timeout: Double) throws -> String {
        let done = DispatchSemaphore(value: 0)
        let line = Buffer()
        DispatchQueue.global().async {
            while true {
                let byte = handle.readData(ofLength: 1)
                if byte.isEmpty || byte == Data([0x0A]) { break }
                line.data.append(byte)
            }
            done.signal()
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            XCTFail("no answer line within \(timeout) s: r3 verify does not stream")
            return ""
        }
        return String(decoding: line.data, as: UTF8.self)
    }

    func testOutputFileIsWrittenAtomically() throws {
        let input = try write("in.jsonl", Self.countdownLines)
        let output = directory.appendingPathComponent("out.jsonl").path
        let r = try R3Binary.run(["verify", "countdown", "--input", input, "--output", output])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        let written = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertEqual(written.split(separator: "\n").count, 4)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), ["in.jsonl", "out.jsonl"])
        // A script that fails to load leaves the previous output untouched and no temporary file.
        let broken = try write("broken.r3", "fn verify(task, output) {\n  return output ==\n}")
        let b = try R3Binary.run(["verify", broken, "--input", input, "--output", output])
        XCTAssertEqual(b.status, 1)
        XCTAssertTrue(b.stderr.contains("broken.r3:3:1"), b.stderr)
        XCTAssertEqual(try String(contentsOfFile: output, encoding: .utf8), written)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted(), ["broken.r3", "in.jsonl", "out.jsonl"])
    }

    func testCommandErrors() throws {
        let input = try write("in.jsonl", Self.countdownLines)
        let noVerify = try write("empty.r3", "let x = 1")
        let cases: [([String], String)] = [
            (["verify", "sudoku", "--input", input], "unknown verifier 'sudoku': expected countdown, function-calling or a FILE.r3 that defines verify"),
            (["verify", "countdown", "--input", directory.appendingPathComponent("missing.jsonl").path], "cannot open the input"),
            (["verify", "countdown", "--input", directory.path], "is a directory, not a JSONL file"),
            (["verify", noVerify, "--input", input], "does not define 'verify'"),
            (["verify", noVerify, "--input", input, "--answer-tags"], "apply to the built-in verifiers"),
            (["verify", "countdown", "--input", input, "--answer-tags", "--first-line"], "give at most one of --answer-tags, --first-line and --extraction"),
            (["verify", "countdown", "--input", input, "--extraction", "xml"], "--extraction for countdown must be line, tags or whole, got 'xml'"),
            (["verify", directory.appendingPathComponent("nope.r3").path, "--input", input], "no such script"),
            (["verify", "countdown", "--input", input, "--output", directory.appendingPathComponent("./in.jsonl").path],
             "the output '\(directory.appendingPathComponent("./in.jsonl").path)' is the input file; verdicts would overwrite the rollouts"),
            (["verify", noVerify, "--input", input, "--output", noVerify], "is the verifier script; choose another path"),
        ]
        for (arguments, message) in cases {
            let r = try R3Binary.run(arguments)
            XCTAssertNotEqual(r.status, 0, arguments.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains(message), "\(arguments.joined(separator: " ")): \(r.stderr)")
            XCTAssertEqual(r.stdout, "")
        }
        XCTAssertEqual(try String(contentsOfFile: input, encoding: .utf8), Self.countdownLines, "the input is untouched")
    }
}
