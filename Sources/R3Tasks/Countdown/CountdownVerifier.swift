/// Checks a model output against a Countdown task. See docs/tasks.md for the exact rules.
///
/// The answer is the first line (`.firstLine`, compact format) or the content of the last
/// `<answer>...</answer>` (`.answerTags`, chat format). It must be an expression over the given
/// numbers (each used exactly as many times as it is given, no other number), optionally followed by
/// `= N` where N is the target; it is evaluated with exact rationals (so `10 / 4 * 2` is 5) and must
/// equal the target. Score: 1 on a pass, 0 on a failure.
public struct CountdownVerifier: Sendable, Equatable {
    /// Where the answer is read from in the output.
    public var extraction: AnswerExtraction

    public init(extraction: AnswerExtraction = .firstLine) {
        self.extraction = extraction
    }

    /// The verdict for `output` on `task`.
    public func verify(_ task: CountdownTask, _ output: String) -> Verdict {
        task.nums.withUnsafeBufferPointer { given in
            withUTF8Bytes(output) { verify(bytes: $0, given: given, target: task.target) }
        }
    }

    /// The verdict for UTF-8 `bytes` against `given` numbers and `target` (the hot path: no allocation
    /// when the answer passes).
    public func verify(bytes p: UnsafeBufferPointer<UInt8>, given: UnsafeBufferPointer<Int>, target: Int) -> Verdict {
        guard given.count <= CountdownTask.maxNumbers else {
            return .fail("the task has more than \(CountdownTask.maxNumbers) numbers")
        }
        let range: Range<Int>
        switch extraction.extract(p) {
        case .success(let r): range = r
        case .failure(let f): return .fail(f.reason)
        }
        var parser = CountdownExpressionParser(bytes: p, range: range, given: given)
        let value: Rational?
        do {
            value = try parser.parseEquation()
        } catch {
            return .fail(Self.syntaxReason(error, p, range))
        }
        if parser.firstBadLiteral != nil || !parser.usedAll {
            return .fail(Self.usageReason(parser, p, range))
        }
        if parser.divisionByZero { return .fail("division by zero") }
        guard let value, !parser.overflow else { return .fail("arithmetic overflow: an intermediate value does not fit in 64 bits") }
        if value.numerator != target || value.denominator != 1 {
            return .fail("evaluates to \(value), target \(target)")
        }
        if let claimedRange = parser.claimedRange, parser.claimed != target {
            let text = String(decoding: UnsafeBufferPointer(rebasing: p[claimedRange]), as: UTF8.self)
            return .fail("evaluates to \(target), but the equation claims = \(abbreviated(text))")
        }
        return .pass()
    }

    // MARK: - Failure reasons (off the hot path)

    static func syntaxReason(_ e: CountdownExpressionParser.SyntaxError, _ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        func at(_ offset: Int) -> String { "at column \(columnOf(p, offset, from: range.lowerBound))" }
        func char(_ offset: Int) -> String { describeCharacter(p, at: offset, end: range.upperBound) }
        switch e {
        case .empty:
            return "not an equation: the answer is empty"
        case .unexpected(let o):
            return "not an equation: unexpected \(char(o)) \(at(o))"
        case .expectedOperand(let o):
            if o >= range.upperBound { return "not an equation: expected a number or '(' at the end" }
            return "not an equation: expected a number or '(' \(at(o)), found \(char(o))"
        case .unarySign(let o):
            return "not an equation: a sign before a number \(at(o)) (unary minus or plus is not allowed)"
        case .decimal(let o):
            var e = o
            while e < range.upperBound, (p[e] >= 0x30 && p[e] <= 0x39) || p[e] == UInt8(ascii: ".") || p[e] == UInt8(ascii: ",") { e += 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: p[o..<e]), as: UTF8.self)
            return "not an equation: \(abbreviated(text)) is not a whole number (only the given whole numbers may appear)"
        case .missingCloseParen(let o):
            return "not an equation: the '(' \(at(o)) is never closed"
        case .unmatchedCloseParen(let o):
            return "not an equation: unmatched ')' \(at(o))"
        case .tooDeep:
            return "not an equation: parentheses nested deeper than \(CountdownExpressionParser.maxParenDepth)"
        case .badResult(let o):
            if o >= range.upperBound { return "not an equation: expected the target number after '='" }
            return "not an equation: after '=' only the target number may follow, found \(char(o)) \(at(o))"
        }
    }

    static func usageReason(_ parser: CountdownExpressionParser, _ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let given = Array(parser.given)
        if let bad = parser.firstBadLiteral {
            let text = String(decoding: UnsafeBufferPointer(rebasing: p[bad]), as: UTF8.self)
            let value = Int(text)
            let givenCount = given.filter { $0 == value }.count
            if let value, givenCount > 0 {
                // Count this number's literals on the left-hand side.
                let lhsEnd = parser.claimedRange.map { r in lastEquals(p, before: r.lowerBound) ?? range.upperBound } ?? range.upperBound
                var uses = 0
                var k = range.lowerBound
                while k < lhsEnd {
                    if p[k] >= 0x30 && p[k] <= 0x39 {
                        let s = k
                        while k < lhsEnd && p[k] >= 0x30 && p[k] <= 0x39 { k += 1 }
                        if Int(String(decoding: UnsafeBufferPointer(rebasing: p[s..<k]), as: UTF8.self)) == value { uses += 1 }
                    } else {
                        k += 1
                    }
                }
                if givenCount == 1 { return "uses \(value) \(times(uses))" }
                return "uses \(value) \(times(uses)), but it is given \(times(givenCount))"
            }
            return "uses \(abbreviated(text)), which is not given"
        }
        var missing: [Int] = []
        for j in 0..<given.count where parser.used & (1 << UInt64(j)) == 0 { missing.append(given[j]) }
        return "does not use \(listed(missing))"
    }

    private static func lastEquals(_ p: UnsafeBufferPointer<UInt8>, before i: Int) -> Int? {
        var k = i - 1
        while k >= 0 {
            if p[k] == UInt8(ascii: "=") { return k }
            k -= 1
        }
        return nil
    }

    static func times(_ n: Int) -> String {
        switch n {
        case 1: return "once"
        case 2: return "twice"
        default: return "\(n) times"
        }
    }

    static func listed(_ xs: [Int]) -> String {
        let s = xs.map(String.init)
        if s.count <= 1 { return s.first ?? "" }
        return s.dropLast().joined(separator: ", ") + " and " + s[s.count - 1]
    }
}
