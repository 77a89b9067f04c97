import Foundation

/// A JSON value with exact numbers.
///
/// Integers that fit in 64 bits stay exact (`.int`); numbers written with a fraction or an exponent,
/// and integers beyond 64 bits, are `.double`. Booleans are never numbers (Foundation's
/// `JSONSerialization` conflates them; this type does not).
///
/// Equality is structural and strict: `.int(1) != .double(1.0)`, and objects compare without regard to
/// key order. Use `numericallyEquals` for `1 == 1.0` comparisons.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The value for `key` when this is an object, else nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The element at `index` when this is an array and the index is in range, else nil.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let a) = self, a.indices.contains(index) { return a[index] }
        return nil
    }

    public var isNull: Bool { if case .null = self { return true }; return false }
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    public var objectValue: JSONObject? { if case .object(let o) = self { return o }; return nil }

    /// The value as an exact integer: an `.int`, or a `.double` that is integral and in Int range.
    public var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d):
            guard d.isFinite, d == d.rounded(), d >= -9.223372036854775808e18, d < 9.223372036854775808e18 else { return nil }
            return Int(d)
        default: return nil
        }
    }

    /// The value as a Double (`.int` or `.double`).
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// True for `.int` and `.double`.
    public var isNumber: Bool {
        switch self { case .int, .double: return true; default: return false }
    }

    /// The kind of value with an article, for error messages: "a string", "an array", "null" ...
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int: return "an integer"
        case .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Equality where numbers compare by exact value (`1 == 1.0`, but `2^53 + 1 != 2^53` as a Double),
    /// recursively through arrays and objects (key order ignored). Other kinds compare strictly.
    public func numericallyEquals(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): return JSONValue.exactlyEqual(a, b)
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for i in a.indices where !a[i].numericallyEquals(b[i]) { return false }
            return true
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (k, v) in a { guard let w = b[k], v.numericallyEquals(w) else { return false } }
            return true
        default: return self == other
        }
    }

    /// True when the Double `d` is exactly the integer `i`.
    static func exactlyEqual(_ i: Int, _ d: Double) -> Bool {
        guard d.isFinite, d == d.rounded(), d >= -9.223372036854775808e18, d < 9.223372036854775808e18 else { return false }
        return Int(d) == i
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var o = JSONObject()
        for (k, v) in elements { o[k] = v }
        self = .object(o)
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text (keys in insertion order; a non-finite Double prints as `null`).
    public var description: String { JSONSerializer.string(self, options: .lenient) }
}
