/// An exact rational number `numerator / denominator` in lowest terms with a positive denominator,
/// on checked 64-bit arithmetic: every operation returns nil on overflow instead of trapping.
public struct Rational: Sendable, Hashable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    /// The integer `n`.
    @inline(__always)
    public init(_ n: Int) {
        numerator = n
        denominator = 1
    }

    /// `n / d` reduced; nil when `d == 0` or on overflow.
    public init?(_ n: Int, _ d: Int) {
        guard d != 0 else { return nil }
        guard let r = Rational.reduced(n, d) else { return nil }
        self = r
    }

    @inline(__always)
    private init(unchecked n: Int, _ d: Int) {
        numerator = n
        denominator = d
    }

    public var isInteger: Bool { denominator == 1 }
    public var isZero: Bool { numerator == 0 }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    @inline(__always)
    static func gcd(_ a: Int, _ b: Int) -> Int {
        // Magnitudes as UInt so that Int.min is handled.
        var x = a.magnitude, y = b.magnitude
        while y != 0 { (x, y) = (y, x % y) }
        return Int(truncatingIfNeeded: x)
    }

    @inline(__always)
    static func reduced(_ n: Int, _ d: Int) -> Rational? {
        if d == 1 { return Rational(unchecked: n, 1) }
        var g = gcd(n, d)
        if g == 0 || g < 0 { g = 1 }  // gcd of magnitudes equal to 2^63 does not fit: leave unreduced
        var nn = n / g, dd = d / g
        if dd < 0 {
            guard nn != .min, dd != .min else { return nil }
            nn = -nn
            dd = -dd
        }
        return Rational(unchecked: nn, dd)
    }

    @inline(__always)
    public static func adding(_ a: Rational, _ b: Rational) -> Rational? {
        if a.denominator == 1 && b.denominator == 1 {
            let (s, o) = a.numerator.addingReportingOverflow(b.numerator)
            return o ? nil : Rational(unchecked: s, 1)
        }
        let (ad, o1) = a.numerator.multipliedReportingOverflow(by: b.denominator)
        let (bc, o2) = b.numerator.multipliedReportingOverflow(by: a.denominator)
        let (n, o3) = ad.addingReportingOverflow(bc)
        let (d, o4) = a.denominator.multipliedReportingOverflow(by: b.denominator)
        if o1 || o2 || o3 || o4 { return nil }
        return reduced(n, d)
    }

    @inline(__always)
    public static func subtracting(_ a: Rational, _ b: Rational) -> Rational? {
        if a.denominator == 1 && b.denominator == 1 {
            let (s, o) = a.numerator.subtractingReportingOverflow(b.numerator)
            return o ? nil : Rational(unchecked: s, 1)
        }
        let (ad, o1) = a.numerator.multipliedReportingOverflow(by: b.denominator)
        let (bc, o2) = b.numerator.multipliedReportingOverflow(by: a.denominator)
        let (n, o3) = ad.subtractingReportingOverflow(bc)
        let (d, o4) = a.denominator.multipliedReportingOverflow(by: b.denominator)
        if o1 || o2 || o3 || o4 { return nil }
        return reduced(n, d)
    }

    @inline(__always)
    public static func multiplying(_ a: Rational, _ b: Rational) -> Rational? {
        if a.denominator == 1 && b.denominator == 1 {
            let (p, o) = a.numerator.multipliedReportingOverflow(by: b.numerator)
            return o ? nil : Rational(unchecked: p, 1)
        }
        // Cross-reduce first to keep intermediates small.
        let g1 = max(1, gcd(a.numerator, b.denominator)), g2 = max(1, gcd(b.numerator, a.denominator))
        let (n, o1) = (a.numerator / g1).multipliedReportingOverflow(by: b.numerator / g2)
        let (d, o2) = (a.denominator / g2).multipliedReportingOverflow(by: b.denominator / g1)
        if o1 || o2 { return nil }
        return reduced(n, d)
    }

    /// `a / b`; nil when `b` is zero or on overflow (callers check zero first to tell them apart).
    @inline(__always)
    public static func dividing(_ a: Rational, _ b: Rational) -> Rational? {
        guard b.numerator != 0, b.numerator != .min else { return nil }
        let inv = b.numerator < 0 ? Rational(unchecked: -b.denominator, -b.numerator) : Rational(unchecked: b.denominator, b.numerator)
        return multiplying(a, inv)
    }
}
