import XCTest
@testable import R3Tasks

final class CountdownVerifierTests: XCTestCase {
    let line = CountdownVerifier(extraction: .firstLine)
    let tags = CountdownVerifier(extraction: .answerTags)

    func task(_ nums: [Int], _ target: Int) -> CountdownTask { try! CountdownTask(nums: nums, target: target) }

    func assertPass(_ t: CountdownTask, _ out: String, _ v: CountdownVerifier? = nil, file: StaticString = #filePath, line l: UInt = #line) {
        let verdict = (v ?? line).verify(t, out)
        XCTAssertTrue(verdict.passed, "\(out): \(verdict.reason)", file: file, line: l)
        XCTAssertEqual(verdict.score, 1, file: file, line: l)
    }

    func assertFail(_ t: CountdownTask, _ out: String, _ reason: String, _ v: CountdownVerifier? = nil, file: StaticString = #filePath, line l: UInt = #line) {
        let verdict = (v ?? line).verify(t, out)
        XCTAssertFalse(verdict.passed, out, file: file, line: l)
        XCTAssertEqual(verdict.score, 0, file: file, line: l)
        XCTAssertEqual(verdict.reason, reason, out, file: file, line: l)
    }

    func testPasses() {
        let t = task([44, 19, 35], 98)
        assertPass(t, "44 + 19 + 35")
        assertPass(t, "35+44+19")
        assertPass(t, "  (44 + 19) + 35  \nignored second line")
        assertPass(t, "\n\n44+19+35")
        assertPass(t, "44 + 19 + 35 = 98")
        assertPass(t, "((44)) + (19 + (35))")
        assertPass(t, "44\t+\u{00A0}19 +35")
    }

    func testOperatorPrecedence() {
        let t = task([2, 3, 4], 14)
        assertPass(t, "2 + 3 * 4")
        assertFail(t, "(2 + 3) * 4", "evaluates to 20, target 14")
        assertPass(task([2, 3, 4], 20), "(2 + 3) * 4")
        assertPass(task([8, 4, 2], 1), "8 / 4 / 2")         // left-associative
        assertFail(task([8, 4, 2], 4), "8 / 4 / 2", "evaluates to 1, target 4")
        assertPass(task([8, 4, 2], 4), "8 / (4 / 2)")
        assertPass(task([10, 3, 2], 5), "10 - 3 - 2")
        assertPass(task([10, 3, 2], 9), "10 - (3 - 2)")
    }

    func testExactRationals() {
        assertPass(task([10, 4, 2], 5), "10 / 4 * 2")           // 2.5 * 2 with no rounding
        assertPass(task([1, 3, 3, 9], 0), "1 / 3 * 9 - 3")
        assertPass(task([1, 5, 5, 5], 24), "(5 - 1 / 5) * 5")    // the classic 24 puzzle through 24/5
        assertFail(task([1, 3, 4], 1), "1 / 3 + 4", "evaluates to 13/3, target 1")
        assertFail(task([7, 2, 1], 3), "7 / 2 - 1", "evaluates to 5/2, target 3")
    }

    func testNumberUsage() {
        let t = task([7, 3, 5], 47)
        assertFail(t, "7 * 7 - 3 + 5", "uses 7 twice")
        assertFail(t, "7 * 7 - 7 + 3 + 5", "uses 7 3 times")
        assertFail(t, "7 * 5 + 12", "uses 12, which is not given")
        assertFail(t, "7 * 5 + 3", "evaluates to 38, target 47")
        assertFail(task([7, 3, 5], 35), "7 * 5", "does not use 3")
        assertFail(task([7, 3, 5, 25], 35), "7 * 5", "does not use 3 and 25")
        assertFail(task([7, 3, 5, 25, 1], 35), "7 * 5", "does not use 3, 25 and 1")
        // Repeated given numbers must each be used.
        let r = task([5, 5, 2], 12)
        assertPass(r, "5 + 5 + 2")
        assertFail(r, "5 + 2 + 5 + 5", "uses 5 3 times, but it is given twice")
        assertFail(task([5, 5, 2], 7), "5 + 2", "does not use 5")
        assertFail(t, "7 * 5 + 123456789012345678901234567890", "uses 123456789012345678901234567890, which is not given")
        assertPass(task([7, 3, 5], 38), "07 * 5 + 3")   // leading zeros read as the same number
        // Number usage is reported before evaluation.
        assertFail(t, "7 / 0 + 3 + 5", "uses 0, which is not given")
    }

    func testDivisionByZero() {
        assertFail(task([5, 3, 3], 5), "5 / (3 - 3)", "division by zero")
        assertFail(task([0, 4, 2], 2), "4 / 0 + 2", "division by zero")
        assertPass(task([0, 4, 2], 2), "0 / 4 + 2")
        // Division by zero inside a branch that is multiplied by zero is still a failure.
        assertFail(task([0, 2, 2, 1], 1), "0 * (1 / (2 - 2)) + 1", "uses 1 twice")
        assertFail(task([0, 2, 2, 1], 0), "0 * (1 / (2 - 2))", "division by zero")
    }

    func testSyntaxFailures() {
        let t = task([7, 3, 5], 47)
        assertFail(t, "", "not an equation: the answer is empty")
        assertFail(t, "   \n", "not an equation: the answer is empty")
        assertFail(t, "I think it is 7 * 5 + 3", "not an equation: expected a number or '(' at column 1, found 'I'")
        assertFail(t, "7 * 5 +", "not an equation: expected a number or '(' at the end")
        assertFail(t, "7 * 5 + 3 x", "not an equation: unexpected 'x' at column 11")
        assertFail(t, "-7 + 5 + 3", "not an equation: a sign before a number at column 1 (unary minus or plus is not allowed)")
        assertFail(t, "7 * (5 + 3", "not an equation: the '(' at column 5 is never closed")
        assertFail(t, "7 * 5) + 3", "not an equation: unmatched ')' at column 6")
        assertFail(t, "7 ** 5 + 3", "not an equation: expected a number or '(' at column 4, found '*'")
        assertFail(t, "7 * 5.0 + 3", "not an equation: 5.0 is not a whole number (only the given whole numbers may appear)")
        assertFail(t, "7(5 + 3)", "not an equation: unexpected '(' at column 2")
        assertFail(t, "7 * 5 + 3 = 38 = 38", "not an equation: after '=' only the target number may follow, found '=' at column 16")
        assertFail(t, "7 * 5 + 3 =", "not an equation: expected the target number after '='")
        assertFail(t, "7 * 5 + 3 = x", "not an equation: after '=' only the target number may follow, found 'x' at column 13")
        assertFail(t, "7 ≠ 5", "not an equation: unexpected '≠' (U+2260) at column 3")
        assertFail(t, String(repeating: "(", count: 101) + "7" + String(repeating: ")", count: 101),
                   "not an equation: parentheses nested deeper than 100")
    }

    func testClaimedResult() {
        let t = task([7, 3, 5], 38)
        assertPass(t, "7 * 5 + 3 = 38")
        assertFail(t, "7 * 5 + 3 = 39", "evaluates to 38, but the equation claims = 39")
        assertFail(t, "7 * 5 - 3 = 38", "evaluates to 32, target 38")
        assertFail(t, "7 * 5 + 3 = 99999999999999999999999", "evaluates to 38, but the equation claims = 99999999999999999999999")
    }

    func testUnicodeOperatorsAreNormalised() {
        let t = task([9, 2, 4, 4], 17)
        assertPass(t, "9 × 2 − 4 ÷ 4")
        assertPass(t, "9 ⋅ 2 – 4 ∕ 4")
        assertPass(t, "9·2−4÷4")
        assertPass(t, "9 ∗ 2 − 4 / 4")
    }

    func testAnswerTags() {
        let t = task([44, 19, 35], 98)
        assertPass(t, "<think>44+19=63, 63+35=98</think>\n<answer> 44 + 19 + 35 </answer>", tags)
        assertPass(t, "<answer>1 + 2</answer> on reflection <answer>\n44 + 19 + 35\n</answer>", tags)
        assertPass(t, "<answer>x <answer>44 + 19 + 35</answer>", tags)   // the nearest opening tag
        // A stray closing tag after a complete pair closes nothing and is skipped (TinyZero's regex).
        assertPass(t, "<answer>44 + 19 + 35</answer> (closing tag: </answer>)", tags)
        assertPass(t, "<answer>44 + 19 + 35</answer></answer>", tags)
        assertFail(t, "</answer> 44 + 19 + 35 </answer>", "no <answer>...</answer> in the output", tags)
        assertFail(t, "<answer>44 + 19 + 35</answer> then <answer>1</answer>", "uses 1, which is not given", tags)
        assertFail(t, "44 + 19 + 35", "no <answer>...</answer> in the output", tags)
        assertFail(t, "<answer>44 + 19 + 35", "no <answer>...</answer> in the output", tags)
        assertFail(t, "<answer></answer>", "not an equation: the answer is empty", tags)
        assertFail(t, "<ANSWER>44 + 19 + 35</ANSWER>", "no <answer>...</answer> in the output", tags)
        // The whole-output mode reads everything.
        let whole = CountdownVerifier(extraction: .whole)
        assertPass(t, " 44 + 19 + 35\n", whole)
        assertFail(t, "44 + 19 + 35\nmore", "not an equation: unexpected 'm' at column 14", whole)
    }

    func testOverflowIsClean() {
        let big = 999_999_999_999
        let t = try! CountdownTask(nums: [big, big, big, 1], target: 1)
        assertFail(t, "\(big) * \(big) * \(big) - 1", "arithmetic overflow: an intermediate value does not fit in 64 bits")
        assertPass(t, "(\(big) - \(big)) * \(big) + 1")
    }

    func testTaskValidation() {
        XCTAssertThrowsError(try CountdownTask(nums: [], target: 1))
        XCTAssertThrowsError(try CountdownTask(nums: [1, -2], target: 1)) { e in
            XCTAssertEqual((e as? FieldError)?.field, "nums[1]")
        }
        XCTAssertThrowsError(try CountdownTask(nums: Array(repeating: 1, count: 65), target: 1))
        XCTAssertNoThrow(try CountdownTask(nums: Array(repeating: 1, count: 64), target: 64))
        let t = try! CountdownTask(nums: Array(repeating: 1, count: 64), target: 64)
        assertPass(t, Array(repeating: "1", count: 64).joined(separator: "+"))
        assertFail(t, Array(repeating: "1", count: 63).joined(separator: "+"), "does not use 1")
    }
}
