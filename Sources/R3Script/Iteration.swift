/// What `for x in value` visits.
enum Iteration {
    static func items(of value: Value, at loc: SourceLocation?) throws -> [Value] {
        switch value {
        case .list(let l): return l.items
        case .range(let r):
            guard r.lower != nil, r.upper != nil else {
                throw ScriptError("cannot iterate over an open range", at: loc)
            }
            return rangeItems(r)
        case .dict(let d): return d.entries.map { .list(ListObject([$0.key.value, $0.value])) }
        case .string(let s): return s.map { .string(String($0)) }
        case .native(let o):
            if let items = try o.iterate() { return items }
            throw ScriptError("cannot iterate over a \(o.typeName)", at: loc)
        default:
            throw ScriptError("cannot iterate over a \(value.typeName)", at: loc)
        }
    }

    static func rangeItems(_ r: RangeObject) -> [Value] {
        guard let lo = r.lower else { return [] }
        return (0..<r.count).map { .number(lo + Double($0)) }
    }
}
