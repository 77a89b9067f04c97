/// The Countdown answer grammar, parsed and evaluated in one pass over UTF-8 bytes with exact
/// rational arithmetic (no allocation on the success path):
///
///     equation := expr [ "=" integer ]
///     expr     := term { ("+" | "-") term }
///     term     := factor { ("*" | "/") factor }
///     factor   := integer | "(" expr ")"
///
/// Whitespace (space, tab, newline, no-break space) may appear between tokens. Also accepted as
/// operators: U+2212 MINUS SIGN and U+2013 EN DASH for "-", U+00D7 MULTIPLICATION SIGN, U+22C5 DOT
/// OPERATOR, U+00B7 MIDDLE DOT and U+2217 ASTERISK OPERATOR for "*", U+00F7 DIVISION SIGN and U+2215
/// DIVISION SLASH for "/". There is no unary minus or plus, no decimal point, no exponent.
struct CountdownExpressionParser {
    enum Op { case add, subtract, multiply, divide }

    enum SyntaxError: Error {
        case empty
        case unexpected(offset: Int)
        case expectedOperand(offset: Int)
        case unarySign(offset: Int)
        case decimal(offset: Int)
        case missingCloseParen(offset: Int)
        case unmatchedCloseParen(offset: Int)
        case tooDeep
        case badResult(offset: Int)
    }

    static let maxParenDepth = 100

    let p: UnsafeBufferPointer<UInt8>
    var i: Int
    let end: Int
    let start: Int

    // Number usage against the given numbers.
    let given: UnsafeBufferPointer<Int>
    var used: UInt64 = 0
    /// The first literal that is not available (not given, or given fewer times): its byte range.
    var firstBadLiteral: Range<Int>? = nil

    // Evaluation failures (recorded, reported after syntax and number usage).
    var divisionByZero = false
    var overflow = false

    /// The integer after "=", when present (nil value with range set means too large for Int).
    var claimed: Int? = nil
    var claimedRange: Range<Int>? = nil

    init(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, given: UnsafeBufferPointer<Int>) {
        p = bytes
        i = range.lowerBound
        start = range.lowerBound
        end = range.upperBound
        self.given = given
    }

    @inline(__always)
    mutating func skipSpace() {
        while i < end {
            let b = p[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1 }
            else if b == 0xC2 && i + 1 < end && p[i + 1] == 0xA0 { i += 2 }
            else { return }
        }
    }

    /// The operator at `i` and its byte length, if any.
    @inline(__always)
    func operatorAt(_ i: Int) -> (Op, Int)? {
        guard i < end else { return nil }
        switch p[i] {
        case UInt8(ascii: "+"): return (.add, 1)
        case UInt8(ascii: "-"): return (.subtract, 1)
        case UInt8(ascii: "*"): return (.multiply, 1)
        case UInt8(ascii: "/"): return (.divide, 1)
        case 0xC2 where i + 1 < end && p[i + 1] == 0xB7: return (.multiply, 2)    // ·
        case 0xC3 where i + 1 < end && p[i + 1] == 0x97: return (.multiply, 2)    // ×
        case 0xC3 where i + 1 < end && p[i + 1] == 0xB7: return (.divide, 2)      // ÷
        case 0xE2 where i + 2 < end:
            switch (p[i + 1], p[i + 2]) {
            case (0x88, 0x92), (0x80, 0x93): return (.subtract, 3)  // − –
            case (0x8B, 0x85), (0x88, 0x97): return (.multiply, 3)  // ⋅ ∗
            case (0x88, 0x95): return (.divide, 3)                  // ∕
            default: return nil
            }
        default: return nil
        }
    }

    /// Parses the whole range; returns the value (nil when evaluation failed: see the flags).
    mutating func parseEquation() throws(SyntaxError) -> Rational? {
        skipSpace()
        if i >= end { throw .empty }
        let v = try parseExpression(depth: 0)
        skipSpace()
        if i >= end { return v }
        switch p[i] {
        case UInt8(ascii: "="):
            i += 1
            skipSpace()
            let s = i
            var value = 0
            var tooLarge = false
            while i < end && p[i] >= 0x30 && p[i] <= 0x39 {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int(p[i] - 0x30))
                if o1 || o2 { tooLarge = true } else { value = a }
                i += 1
            }
            if i == s { throw .badResult(offset: s) }
            claimed = tooLarge ? nil : value
            claimedRange = s..<i
            skipSpace()
            if i < end { throw .badResult(offset: i) }
            return v
        case UInt8(ascii: ")"):
            throw .unmatchedCloseParen(offset: i)
        default:
            throw .unexpected(offset: i)
        }
    }

    mutating func parseExpression(depth: Int) throws(SyntaxError) -> Rational? {
        var acc = try parseTerm(depth: depth)
        while true {
            skipSpace()
            guard let (op, n) = operatorAt(i), op == .add || op == .subtract else { return acc }
            i += n
            let rhs = try parseTerm(depth: depth)
            acc = apply(op, acc, rhs)
        }
    }

    mutating func parseTerm(depth: Int) throws(SyntaxError) -> Rational? {
        var acc = try parseFactor(depth: depth)
        while true {
            skipSpace()
            guard let (op, n) = operatorAt(i), op == .multiply || op == .divide else { return acc }
            i += n
            let rhs = try parseFactor(depth: depth)
            acc = apply(op, acc, rhs)
        }
    }

    @inline(__always)
    mutating func apply(_ op: Op, _ a: Rational?, _ b: Rational?) -> Rational? {
        guard let a, let b else { return nil }
        let r: Rational?
        switch op {
        case .add: r = Rational.adding(a, b)
        case .subtract: r = Rational.subtracting(a, b)
        case .multiply: r = Rational.multiplying(a, b)
        case .divide:
            if b.isZero {
                divisionByZero = true
                return nil
            }
            r = Rational.dividing(a, b)
        }
        if r == nil { overflow = true }
        return r
    }

    mutating func parseFactor(depth: Int) throws(SyntaxError) -> Rational? {
        skipSpace()
        guard i < end else { throw .expectedOperand(offset: i) }
        let b = p[i]
        if b == UInt8(ascii: "(") {
            guard depth < Self.maxParenDepth else { throw .tooDeep }
            let open = i
            i += 1
            let v = try parseExpression(depth: depth + 1)
            skipSpace()
            guard i < end, p[i] == UInt8(ascii: ")") else {
                throw i < end ? .unexpected(offset: i) : .missingCloseParen(offset: open)
            }
            i += 1
            return v
        }
        if b >= 0x30 && b <= 0x39 {
            let s = i
            var value = 0
            var tooLarge = false
            while i < end && p[i] >= 0x30 && p[i] <= 0x39 {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int(p[i] &- 0x30))
                if o1 || o2 { tooLarge = true } else { value = a }
                i += 1
            }
            if i < end && (p[i] == UInt8(ascii: ".") || p[i] == UInt8(ascii: ",")) && i + 1 < end && p[i + 1] >= 0x30 && p[i + 1] <= 0x39 {
                throw .decimal(offset: s)
            }
            use(tooLarge ? nil : value, range: s..<i)
            return tooLarge ? nil : Rational(value)
        }
        if let (op, _) = operatorAt(i), op == .add || op == .subtract { throw .unarySign(offset: i) }
        throw .expectedOperand(offset: i)
    }

    /// Marks one given number as used, or records the literal as unavailable.
    @inline(__always)
    mutating func use(_ value: Int?, range: Range<Int>) {
        if let value {
            for j in 0..<given.count where given[j] == value && used & (1 << UInt64(j)) == 0 {
                used |= 1 << UInt64(j)
                return
            }
        }
        if firstBadLiteral == nil { firstBadLiteral = range }
    }

    /// True when every given number was used.
    var usedAll: Bool { used == (given.count == 64 ? ~0 : (1 << UInt64(given.count)) - 1) }
}
