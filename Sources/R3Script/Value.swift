/// A value of the language. Numbers are 64-bit floats; lists and dictionaries are shared,
/// mutable objects (as in Python); strings are immutable values.
public enum Value: @unchecked Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case list(ListObject)
    case dict(DictObject)
    case range(RangeObject)
    case closure(Closure)
    case builtin(Builtin)
    case bound(BoundMethod)
    case native(NativeObject)

    /// The type name used in error messages and by `type(x)`.
    public var typeName: String {
        switch self {
        case .null: return "nil"
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "string"
        case .list: return "list"
        case .dict: return "dictionary"
        case .range: return "range"
        case .closure, .builtin, .bound: return "function"
        case .native(let o): return o.typeName
        }
    }

    public var isNil: Bool { if case .null = self { return true } else { return false } }
    public var isCallable: Bool {
        switch self {
        case .closure, .builtin, .bound: return true
        case .native(let o): return o.isCallable
        default: return false
        }
    }
}

// MARK: - Equality and hashing

extension Value: Equatable {
    /// Structural equality for lists, dictionaries and ranges; identity for functions and objects
    /// unless the object defines its own.
    public static func == (a: Value, b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.list(x), .list(y)): return x === y || x.items == y.items
        case let (.dict(x), .dict(y)):
            if x === y { return true }
            guard x.count == y.count else { return false }
            for (k, v) in x.entries { guard let w = y[k], w == v else { return false } }
            return true
        case let (.range(x), .range(y)): return x.lower == y.lower && x.upper == y.upper && x.inclusive == y.inclusive
        case let (.closure(x), .closure(y)): return x === y
        case let (.builtin(x), .builtin(y)): return x === y
        case let (.bound(x), .bound(y)): return x.method === y.method && x.receiver == y.receiver
        case let (.native(x), .native(y)): return x === y || x.isEqual(to: y)
        default: return false
        }
    }
}

/// A dictionary key: strings, numbers, booleans and nil.
public enum DictKey: Hashable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)

    public init?(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n == 0 ? 0 : n)  // -0 and 0 are one key
        case .string(let s): self = .string(s)
        default: return nil
        }
    }

    public var value: Value {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        }
    }

    public var description: String { Formatter.repr(value) }
}
