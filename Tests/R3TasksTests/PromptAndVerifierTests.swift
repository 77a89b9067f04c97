import XCTest
@testable import R3Tasks

struct ThrownReason: Error, CustomStringConvertible {
    var description: String { "the script verifier raised: bad output" }
}

final class PromptTests: XCTestCase {
    func testCountdownPrompts() throws {
        let t = try CountdownTask(nums: [44, 19, 35], target: 98)
        let compact = CountdownPrompt(style: .compact)
        XCTAssertEqual(compact.prompt(t), "44 19 35>98:")
        let demo = try XCTUnwrap(try compact.demonstration(t))
        XCTAssertEqual(demo.completion, "44+35+19\n")
        XCTAssertEqual(demo.text, "44 19 35>98:44+35+19\n")
        XCTAssertTrue(compact.verifier.verify(t, demo.completion).passed)
        let chat = CountdownPrompt()
        XCTAssertTrue(chat.prompt(t).hasPrefix("Using the numbers [44, 19, 35], create an equation that equals 98."))
        XCTAssertTrue(chat.prompt(t).contains("<answer>"))
        let chatDemo = try XCTUnwrap(try chat.demonstration(t))
        XCTAssertEqual(chatDemo.completion, "<answer> 44 + 35 + 19 </answer>")
        XCTAssertTrue(chat.verifier.verify(t, chatDemo.completion).passed)
        XCTAssertNil(try chat.demonstration(try CountdownTask(nums: [1, 1], target: 50)))
    }

    func testCompactAlphabetCoversTheFormat() throws {
        let alphabet = Set(countdownAlphabet)
        XCTAssertEqual(countdownAlphabet.count, alphabet.count)
        XCTAssertEqual(Array(countdownAlphabet.unicodeScalars), countdownAlphabet.unicodeScalars.sorted())
        let p = CountdownPrompt(style: .compact)
        for t in try CountdownGenerator.generate(.init(count: 200, seed: 5, numbers: 3...4)) {
            let demo = try XCTUnwrap(try p.demonstration(t))
            XCTAssertTrue(Set(demo.text).isSubset(of: alphabet), demo.text)
            XCTAssertTrue(Set(demo.prompt + demo.completion.dropLast() + " = \(t.target)\n").isSubset(of: alphabet))
        }
        XCTAssertTrue(Set(p.reflection.reflection + p.reflection.retry).isSubset(of: alphabet))
    }

    func testReflectionDefaults() {
        XCTAssertEqual(ReflectionPrompts.defaults(for: .functionCalling, style: .chat).reflection,
                       "You tried performing the task, but failed in generating the correct tool call. Reflect on what went wrong and write a short explanation that will help you do better next time.")
        XCTAssertTrue(ReflectionPrompts.defaults(for: .countdown, style: .chat).reflection.hasPrefix("You failed this task. Reflect on what went wrong"))
        XCTAssertEqual(ReflectionPrompts.defaults(for: .countdown, style: .compact), ReflectionPrompts(reflection: "?", retry: "!"))
        let custom = CountdownPrompt(style: .chat, reflection: ReflectionPrompts(reflection: "Why?", retry: "Again:"))
        XCTAssertEqual(custom.reflection.reflection, "Why?")
    }

    func testFunctionCallingPrompts() throws {
        let t = try FunctionCallingTask(json: try JSONParser.parse(xlamLines[1]))
        let compact = FunctionCallingPrompt(style: .compact)
        XCTAssertEqual(compact.prompt(t), "stock_quote(symbol?: str)\nforecast(city: str, days: int, units?: str)\nnews_search(q: str, page?: int)\nQ: \(t.query)\nA:")
        XCTAssertTrue(compact.verifier.verify(t, compact.completion(t) + "trailing text").passed)
        let chat = FunctionCallingPrompt()
        XCTAssertTrue(chat.prompt(t).contains("Respond with only the JSON list of calls"))
        XCTAssertTrue(chat.prompt(t).hasSuffix("Query: " + t.query))
        XCTAssertTrue(chat.verifier.verify(t, chat.completion(t)).passed)
        let lenient = FunctionCallingPrompt(style: .chat, allowSurroundingText: true)
        XCTAssertTrue(lenient.prompt(t).contains("```json"))
        XCTAssertTrue(lenient.verifier.verify(t, "Here:\n" + lenient.completion(t)).passed)
        XCTAssertFalse(chat.verifier.verify(t, "Here:\n" + lenient.completion(t)).passed)
    }
}

final class GenericVerifierTests: XCTestCase {
    let text = AnyTask.text(TextTask(prompt: "2 + 2 =", answer: "4"))

    func testRegex() throws {
        let full = try Verifier.regex("[0-9]+")
        XCTAssertTrue(full.verify(text, "1234").passed)
        XCTAssertFalse(full.verify(text, "1234x").passed)
        XCTAssertFalse(full.verify(text, "1234\n").passed)  // \z, not $: a trailing newline is text
        XCTAssertEqual(full.verify(text, "x").reason, "the output does not match \"[0-9]+\"")
        XCTAssertTrue(try Verifier.regex("a|ab").verify(text, "ab").passed)  // alternation must span the whole output
        let partial = try Verifier.regex("[0-9]+", fullMatch: false)
        XCTAssertTrue(partial.verify(text, "the answer is 4.").passed)
        XCTAssertEqual(partial.verify(text, "four").reason, "the output contains no match for \"[0-9]+\"")
        XCTAssertTrue(try Verifier.regex("é+").verify(text, "ééé").passed)
        XCTAssertThrowsError(try Verifier.regex("(")) { e in XCTAssertEqual("\(e)", "invalid regular expression \"(\"") }
    }

    func testExactMatch() {
        let v = Verifier.exactMatch()
        XCTAssertTrue(v.verify(text, "  4 \n").passed)
        XCTAssertEqual(v.verify(text, "5").reason, "expected \"4\", got \"5\"")
        XCTAssertFalse(Verifier.exactMatch(normalizeWhitespace: false).verify(text, " 4").passed)
        XCTAssertTrue(Verifier.exactMatch(expected: "a  b").verify(text, "a b").passed)
        XCTAssertFalse(Verifier.exactMatch(expected: "a  b", normalizeWhitespace: false).verify(text, "a b").passed)
        XCTAssertEqual(v.verify(.text(TextTask(prompt: "p")), "x").reason, "exact match needs an expected answer: the task has no \"answer\"")
    }

    func testWhitespaceCollapsing() {
        let cases: [(String, String)] = [
            ("", ""), (" ", ""), ("a", "a"), ("a b", "a b"), (" a b ", "a b"), ("a  b", "a b"), ("a\tb", "a b"),
            ("a\n\n b\r\n", "a b"), ("\u{00A0}é\u{2003}x ", "é x"), ("New York", "New York"), ("x\u{0B}y", "x y"),
        ]
        for (input, expected) in cases { XCTAssertEqual(collapsingWhitespace(input), expected, input.debugDescription) }
    }

    func testCustomAndWrongKind() throws {
        let throwing = Verifier(name: "script") { _, _ in throw ThrownReason() }
        XCTAssertEqual(throwing.verify(text, "x"), .fail("the script verifier raised: bad output"))
        let custom = Verifier(name: "length") { _, out in out.count < 5 ? .pass() : .fail("too long", score: 0.25) }
        XCTAssertEqual(custom.verify(text, "abc"), .pass())
        XCTAssertEqual(custom.verify(text, "abcdef").score, 0.25)
        XCTAssertEqual(Verifier.countdown().verify(text, "1").reason, "the countdown verifier was given a text task")
        XCTAssertEqual(Verifier.functionCalling().verify(.countdown(try CountdownTask(nums: [1], target: 1)), "[]").reason,
                       "the function-calling verifier was given a countdown task")
        XCTAssertTrue(Verifier.countdown().verify(.countdown(try CountdownTask(nums: [1, 2], target: 3)), "1 + 2").passed)
    }

    func testVerdict() {
        XCTAssertEqual(Verdict(passed: false, score: 7, reason: "r").score, 1)
        XCTAssertEqual(Verdict(passed: false, score: -1, reason: "r").score, 0)
        XCTAssertEqual(Verdict(passed: false, score: .nan, reason: "r").score, 0)
        XCTAssertEqual(Verdict.pass().json.description, #"{"passed":true,"score":1.0,"reason":"correct"}"#)
    }
}

final class TaskTemplateTests: XCTestCase {
    func testEveryKindRoundTripsThroughItsOwnVerifier() throws {
        let tasks: [AnyTask] = [
            .countdown(try CountdownTask(nums: [6, 4, 3], target: 8)),
            .functionCalling(try FunctionCallingTask(json: try JSONParser.parse(xlamLines[2]))),
            .text(TextTask(prompt: "Capital of France?", answer: "Paris")),
        ]
        for style in PromptStyle.allCases {
            let template = TaskTemplate(style: style)
            for task in tasks {
                let demo = try XCTUnwrap(try template.demonstration(task))
                XCTAssertEqual(demo.prompt, template.prompt(task))
                let v = template.verifier(for: task.kind).verify(task, demo.completion)
                XCTAssertTrue(v.passed, "\(style) \(task): \(v.reason)")
                XCTAssertFalse(template.verifier(for: task.kind).verify(task, "nonsense").passed)
            }
            XCTAssertEqual(template.reflection(for: .functionCalling), .defaults(for: .functionCalling, style: style))
        }
        XCTAssertNil(try TaskTemplate(style: .chat).demonstration(.text(TextTask(prompt: "p"))))
    }
}
