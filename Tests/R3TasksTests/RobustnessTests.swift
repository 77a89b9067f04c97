import XCTest
import R3Random
@testable import R3Tasks

/// Property-style checks: arbitrary bytes and mutated answers never crash a verifier, random bytes
/// always fail, and megabyte outputs are handled in linear time.
final class RobustnessTests: XCTestCase {
    let countdownTask = try! CountdownTask(nums: [44, 19, 35], target: 98)
    let fcTask = try! FunctionCallingTask(json: try! JSONParser.parse(xlamLines[1]))

    var verifiers: [(String, Verifier, AnyTask)] {
        var out: [(String, Verifier, AnyTask)] = []
        for e in AnswerExtraction.allCases {
            out.append(("countdown/\(e)", .countdown(CountdownVerifier(extraction: e)), .countdown(countdownTask)))
        }
        for e in FunctionCallingVerifier.Extraction.allCases {
            out.append(("function_calling/\(e)", .functionCalling(FunctionCallingVerifier(extraction: e)), .functionCalling(fcTask)))
        }
        out.append(("regex", try! .regex("[0-9]{3}-[a-z]{4}"), .text(TextTask(prompt: "p"))))
        out.append(("exact", .exactMatch(), .text(TextTask(prompt: "p", answer: "expected answer 42"))))
        return out
    }

    func checkInvariants(_ v: Verdict, _ context: @autoclosure () -> String) {
        XCTAssertTrue((0...1).contains(v.score), context())
        XCTAssertFalse(v.reason.isEmpty, context())
        if v.passed { XCTAssertEqual(v.score, 1, context()) }
    }

    func testRandomBytesAlwaysFail() {
        var rng = RandomGenerator(seed: 2024)
        // Uniform bytes, and bytes biased towards each format's own characters.
        let biased: [UInt8] = Array("0123456789+-*/() =<>answer/[]{}\":,.truefalsnl\n\t\\".utf8) + [0xC3, 0x97, 0xE2, 0x88, 0x92, 0xFF]
        for (name, verifier, task) in verifiers {
            for trial in 0..<2000 {
                let n = rng.nextInt(below: 64)
                let bytes: [UInt8] = (0..<n).map { _ in
                    trial % 2 == 0 ? UInt8(truncatingIfNeeded: rng.next()) : biased[rng.nextInt(below: biased.count)]
                }
                let s = String(decoding: bytes, as: UTF8.self)
                let v = verifier.verify(task, s)
                checkInvariants(v, "\(name): \(bytes)")
                XCTAssertFalse(v.passed, "\(name) passed random bytes \(bytes)")
            }
        }
    }

    func testMutationsOfValidAnswersNeverCrash() throws {
        var rng = RandomGenerator(seed: 99)
        let valid: [(Verifier, AnyTask, String)] = [
            (.countdown(CountdownVerifier(extraction: .firstLine)), .countdown(countdownTask), "(44 + 19) + 35 = 98"),
            (.countdown(CountdownVerifier(extraction: .answerTags)), .countdown(countdownTask), "<think>44 × 2 − 35 is not it</think><answer>44 + 19 + 35</answer>"),
            (.functionCalling(FunctionCallingVerifier()), .functionCalling(fcTask), JSONValue.array(fcTask.answers.map(\.json)).description),
            (.functionCalling(FunctionCallingVerifier(extraction: .lenient)), .functionCalling(fcTask), "```json\n" + JSONValue.array(fcTask.answers.map(\.json)).description + "\n```"),
        ]
        let inserts: [UInt8] = Array("0123456789+-*/()=[]{}\":,. \n\\<>".utf8) + [0x80, 0xC3, 0xE2, 0xF0]
        var passes = 0, fails = 0
        for (verifier, task, answer) in valid {
            XCTAssertTrue(verifier.verify(task, answer).passed, answer)
            let original = Array(answer.utf8)
            for _ in 0..<3000 {
                var b = original
                for _ in 0..<(1 + rng.nextInt(below: 3)) {
                    let i = rng.nextInt(below: b.count + 1)
                    switch rng.nextInt(below: 4) {
                    case 0 where i < b.count: b.remove(at: i)
                    case 1 where i < b.count: b[i] = inserts[rng.nextInt(below: inserts.count)]
                    case 2 where i < b.count: b.swapAt(i, rng.nextInt(below: b.count))
                    default: b.insert(inserts[rng.nextInt(below: inserts.count)], at: i)
                    }
                }
                let s = String(decoding: b, as: UTF8.self)
                let v = verifier.verify(task, s)
                checkInvariants(v, s)
                if v.passed { passes += 1 } else { fails += 1 }
            }
        }
        // Some mutations are harmless (whitespace, reordering), most are not.
        XCTAssertGreaterThan(passes, 0)
        XCTAssertGreaterThan(fails, passes)
    }

    func testJSONParserOnRandomAndMutatedInput() throws {
        var rng = RandomGenerator(seed: 5)
        let valid = Array(#"{"a": [1, -2.5e3, true, null, "x\u00e9\n"], "b": {"c": []}}"#.utf8)
        for trial in 0..<5000 {
            var b = valid
            if trial % 2 == 0 {
                b = (0..<rng.nextInt(below: 40)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            } else {
                let i = rng.nextInt(below: b.count)
                b[i] = UInt8(truncatingIfNeeded: rng.next())
            }
            do {
                let v = try JSONParser.parse(bytes: b)
                XCTAssertEqual(try JSONParser.parse(try v.serialized()), v)
            } catch let e as JSONParseError {
                XCTAssertGreaterThanOrEqual(e.line, 1)
                XCTAssertGreaterThanOrEqual(e.column, 1)
                XCTAssertLessThanOrEqual(e.offset, b.count)
            }
        }
    }

    func testMegabyteCountdownOutputs() throws {
        let mb = 1 << 20
        let line = CountdownVerifier(extraction: .firstLine)
        let tags = CountdownVerifier(extraction: .answerTags)
        let ones = try CountdownTask(nums: [1, 1], target: 2)
        let sum = String(repeating: "1+", count: mb / 2) + "1"
        XCTAssertEqual(line.verify(ones, sum).reason, "uses 1 524289 times, but it is given twice")
        XCTAssertEqual(line.verify(countdownTask, String(repeating: "(", count: mb)).reason, "not an equation: parentheses nested deeper than 100")
        XCTAssertEqual(line.verify(countdownTask, String(repeating: "9", count: mb)).reason, "uses " + String(repeating: "9", count: 60) + "…, which is not given")
        XCTAssertEqual(line.verify(countdownTask, String(repeating: " ", count: mb) + "44+19+35").reason, "correct")
        XCTAssertEqual(tags.verify(countdownTask, String(repeating: "<answer>", count: mb / 8)).reason, "no <answer>...</answer> in the output")
        XCTAssertEqual(tags.verify(countdownTask, String(repeating: "</answer>", count: mb / 9)).reason, "no <answer>...</answer> in the output")
        XCTAssertTrue(tags.verify(countdownTask, String(repeating: "x", count: mb) + "<answer>44+19+35</answer>").passed)
        // 1 MB of "1*1*...": exact arithmetic without overflow.
        XCTAssertEqual(line.verify(try CountdownTask(nums: [1], target: 1), String(repeating: "1*", count: mb / 2) + "1").reason,
                       "uses 1 524289 times")
        let many = try CountdownTask(nums: Array(repeating: 7, count: 64), target: 448)
        XCTAssertTrue(line.verify(many, Array(repeating: "7", count: 64).joined(separator: " + ")).passed)
    }

    func testMegabyteFunctionCallingOutputs() throws {
        let mb = 1 << 20
        let strict = FunctionCallingVerifier()
        let manyCalls = "[" + Array(repeating: #"{"name":"stock_quote","arguments":{"symbol":"TSLA"}}"#, count: mb / 52).joined(separator: ",") + "]"
        XCTAssertGreaterThan(manyCalls.utf8.count, mb - 100)
        let v = strict.verify(fcTask, manyCalls)
        XCTAssertFalse(v.passed)
        XCTAssertEqual(v.reason, "extra call to stock_quote; missing call to forecast")
        let distinctNames = "[" + (0..<30_000).map { #"{"name":"tool\#($0)","arguments":{}}"# }.joined(separator: ",") + "]"
        XCTAssertEqual(strict.verify(fcTask, distinctNames).reason, "calls tool0, which is not offered; calls tool1, which is not offered; calls tool2, which is not offered; and 29999 more")
        XCTAssertTrue(strict.verify(fcTask, String(repeating: "[", count: mb)).reason.contains("maximum depth 512"))
        let lenient = FunctionCallingVerifier(extraction: .lenient)
        XCTAssertTrue(lenient.verify(fcTask, String(repeating: "[{", count: mb / 2)).reason.hasPrefix("not valid JSON"))
        XCTAssertEqual(FunctionCallingVerifier(extraction: .toolCallTags).verify(fcTask, String(repeating: "<tool_call>", count: mb / 11)).reason, "a <tool_call> is never closed")
        let bigString = #"[{"name":"stock_quote","arguments":{"symbol":""# + String(repeating: "A", count: mb) + #""}}]"#
        XCTAssertTrue(strict.verify(fcTask, bigString).reason.hasPrefix("stock_quote: argument symbol: expected \"TSLA\", got \"AAAA"))
        XCTAssertTrue(try Verifier.regex("[0-9]+").verify(.text(TextTask(prompt: "p")), String(repeating: "7", count: mb)).passed)
    }
}
