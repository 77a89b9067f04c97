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
    /// unless the object defines its own. Nested collections are compared with an explicit work
    /// list, not recursion, so a list nested millions deep compares without overflowing the
    /// stack; a pair of collections met again while being compared (a cycle) counts as equal.
    public static func == (a: Value, b: Value) -> Bool {
        switch (a, b) {
        case (.list, .list), (.dict, .dict): return deepEqual(a, b)
        default: return shallowEqual(a, b)
        }
    }

    private static func shallowEqual(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.range(x), .range(y)): return x.lower == y.lower && x.upper == y.upper && x.inclusive == y.inclusive
        case let (.closure(x), .closure(y)): return x === y
        case let (.builtin(x), .builtin(y)): return x === y
        case let (.bound(x), .bound(y)): return x.method === y.method && x.receiver == y.receiver
        case let (.native(x), .native(y)): return x === y || x.isEqual(to: y)
        default: return false
        }
    }

    private struct Pair: Hashable {
        let a: ObjectIdentifier
        let b: ObjectIdentifier
    }

    private static func deepEqual(_ a: Value, _ b: Value) -> Bool {
        var work: [(Value, Value)] = [(a, b)]
        var met = Set<Pair>()
        while let (x, y) = work.popLast() {
            switch (x, y) {
            case let (.list(l), .list(m)):
                if l === m { continue }
                guard l.items.count == m.items.count else { return false }
                // Lists sharing one array buffer (a fresh copy) are equal, as Swift's == says.
                let shared = l.items.withUnsafeBufferPointer { p in m.items.withUnsafeBufferPointer { q in p.baseAddress == q.baseAddress } }
                if shared || !met.insert(Pair(a: ObjectIdentifier(l), b: ObjectIdentifier(m))).inserted { continue }
                for (p, q) in zip(l.items, m.items).reversed() {
                    if isContainer(p) || isContainer(q) { work.append((p, q)) } else if !shallowEqual(p, q) { return false }
                }
            case let (.dict(d), .dict(e)):
                if d === e { continue }
                guard d.count == e.count else { return false }
                if !met.insert(Pair(a: ObjectIdentifier(d), b: ObjectIdentifier(e))).inserted { continue }
                for (k, v) in d.entries {
                    guard let w = e[k] else { return false }
                    if isContainer(v) || isContainer(w) { work.append((v, w)) } else if !shallowEqual(v, w) { return false }
                }
            default:
                if !shallowEqual(x, y) { return false }
            }
        }
        return true
    }

    @inline(__always)
    static func isContainer(_ v: Value) -> Bool {
        switch v {
        case .list, .dict: return true
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
