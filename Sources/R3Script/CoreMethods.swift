/// The methods and properties of lists, strings, dictionaries and ranges. The binding layer may add
/// methods to these tables (e.g. `shuffled(seed:)`) with `CoreMethods.add`.
public enum CoreMethods {
    nonisolated(unsafe) static var list: [String: Builtin] = table(ListMethods.all)
    nonisolated(unsafe) static var string: [String: Builtin] = table(StringMethods.all)
    nonisolated(unsafe) static var dict: [String: Builtin] = table(DictMethods.all)
    nonisolated(unsafe) static var range: [String: Builtin] = table(RangeMethods.all)

    static func table(_ methods: [Builtin]) -> [String: Builtin] {
        Dictionary(methods.map { ($0.shortName, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public enum Owner { case list, string, dictionary, range }

    /// Adds a method to a built-in type (used by R3Runtime before any script runs).
    public static func add(_ method: Builtin, to owner: Owner) {
        switch owner {
        case .list: list[method.shortName] = method
        case .string: string[method.shortName] = method
        case .dictionary: dict[method.shortName] = method
        case .range: range[method.shortName] = method
        }
    }

    static var allMethods: [Builtin] {
        [list, string, dict, range].flatMap { $0.values }
    }

    static func table(for value: Value) -> [String: Builtin]? {
        switch value {
        case .list: return list
        case .string: return string
        case .dict: return dict
        case .range: return range
        default: return nil
        }
    }

    static let propertyNames: [String: [String]] = [
        "list": ["count", "isEmpty", "first", "last"],
        "string": ["count", "isEmpty"],
        "dictionary": ["count", "isEmpty", "keys", "values"],
        "range": ["count", "lowerBound", "upperBound", "first", "last"],
    ]

    /// Names for completion after a dot.
    public static func memberNames(of value: Value) -> [String] {
        var names = propertyNames[value.typeName] ?? []
        names += table(for: value).map { Array($0.keys) } ?? []
        if case .dict(let d) = value {
            names += d.keys.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
        }
        if case .native(let o) = value { names += o.memberNames }
        return names.sorted()
    }

    static func property(_ value: Value, _ name: String) throws -> Value? {
        switch (value, name) {
        case (.list(let l), "count"): return .number(Double(l.items.count))
        case (.list(let l), "isEmpty"): return .bool(l.items.isEmpty)
        case (.list(let l), "first"): return l.items.first ?? .null
        case (.list(let l), "last"): return l.items.last ?? .null
        case (.string(let s), "count"): return .number(Double(s.count))
        case (.string(let s), "isEmpty"): return .bool(s.isEmpty)
        case (.dict(let d), "count"): return .number(Double(d.count))
        case (.dict(let d), "isEmpty"): return .bool(d.count == 0)
        case (.dict(let d), "keys"): return .list(ListObject(d.keys.map(\.value)))
        case (.dict(let d), "values"): return .list(ListObject(d.values))
        case (.range(let r), "count"): return .number(r.size)
        case (.range(let r), "lowerBound"): return r.lower.map(Value.number) ?? .null
        case (.range(let r), "upperBound"): return r.upper.map(Value.number) ?? .null
        case (.range(let r), "first"): return r.size > 0 ? r.lower.map(Value.number) ?? .null : .null
        case (.range(let r), "last"): return r.size > 0 ? r.lower.map { .number($0 + r.size - 1) } ?? .null : .null
        default: return nil
        }
    }
}

extension Arguments {
    var receiverList: ListObject {
        if case .list(let l) = receiver { return l }
        if case .range(let r) = receiver { return ListObject(Iteration.rangeItems(r)) }
        preconditionFailure("list method on \(receiver.typeName)")
    }

    var receiverString: String {
        if case .string(let s) = receiver { return s }
        preconditionFailure("string method on \(receiver.typeName)")
    }

    var receiverDict: DictObject {
        if case .dict(let d) = receiver { return d }
        preconditionFailure("dictionary method on \(receiver.typeName)")
    }

    /// Calls a function argument with the given values.
    func apply(_ name: String, _ values: [Value]) throws -> Value {
        try interpreter.call(try callable(name), values)
    }

    /// Calls a predicate argument, which must return true or false.
    func test(_ name: String, _ values: [Value]) throws -> Bool {
        let r = try apply(name, values)
        guard case .bool(let b) = r else { throw error("the function '\(name)' must return true or false, got \(r.typeName)") }
        return b
    }
}
