import XCTest
@testable import R3Script

final class LexerTests: XCTestCase {
    func testNumbersAndRanges() {
        XCTAssertEqual(kinds("1..<3"), [.number(1), .halfOpenRange, .number(3), .eof])
        XCTAssertEqual(kinds("1...3"), [.number(1), .closedRange, .number(3), .eof])
        XCTAssertEqual(kinds("1.5e3 2E-2 1_000 0xff"), [.number(1500), .number(0.02), .number(1000), .number(255), .eof])
        XCTAssertEqual(kinds("xs.0"), [.identifier("xs"), .dot, .number(0), .eof])
    }

    func testInterpolationTokens() {
        XCTAssertEqual(kinds(#""a\(x)b\(y + 1)c""#), [
            .interpolationStart("a"), .identifier("x"), .interpolationMiddle("b"),
            .identifier("y"), .plus, .number(1), .interpolationEnd("c"), .eof,
        ])
        // Parentheses inside an interpolation do not end it.
        XCTAssertEqual(kinds(#""\(f(1))!""#), [
            .interpolationStart(""), .identifier("f"), .leftParen, .number(1), .rightParen, .interpolationEnd("!"), .eof,
        ])
    }

    func testNewlinesIgnoredInsideBrackets() {
        XCTAssertEqual(kinds("f(1,\n2)\nx"), [.identifier("f"), .leftParen, .number(1), .comma, .number(2), .rightParen, .newline, .identifier("x"), .eof])
        XCTAssertEqual(kinds("{\na\n}"), [.leftBrace, .newline, .identifier("a"), .newline, .rightBrace, .eof])
    }

    func testMultilineStringStripsClosingIndent() {
        XCTAssertEqual(kinds("\"\"\"\n  a\n    b\n  \"\"\""), [.string("a\n  b"), .eof])
    }

    func testCommentsAndOperators() {
        XCTAssertEqual(kinds("a ?? b # c\n"), [.identifier("a"), .questionQuestion, .identifier("b"), .newline, .eof])
        XCTAssertEqual(kinds("a ** b @ c -> d"), [.identifier("a"), .starStar, .identifier("b"), .at, .identifier("c"), .arrow, .identifier("d"), .eof])
    }

    func testIncompleteInputForTheREPL() {
        XCTAssertTrue(Interpreter.needsMoreInput("fn f() {"))
        XCTAssertTrue(Interpreter.needsMoreInput("let xs = [1,"))
        XCTAssertTrue(Interpreter.needsMoreInput("let s = \"\"\"\nabc"))
        XCTAssertTrue(Interpreter.needsMoreInput("let s = \"\"\""))
        XCTAssertTrue(Interpreter.needsMoreInput("print(\"\\(1 + "))
        XCTAssertFalse(Interpreter.needsMoreInput("let x = 1"))
        XCTAssertFalse(Interpreter.needsMoreInput("let s = \"unterminated"))  // an error, not more input
        XCTAssertFalse(Interpreter.needsMoreInput("}"))
    }

    func testErrorsAreCappedOnGarbage() {
        let garbage = String(repeating: "$", count: 100_000)
        let lexed = Lexer.tokenize(SourceFile(name: "g", text: garbage))
        XCTAssertEqual(lexed.errors.count, Lexer.maxErrors + 1)
        XCTAssertTrue(lexed.errors.last!.message.contains("too many errors"))
    }
}
