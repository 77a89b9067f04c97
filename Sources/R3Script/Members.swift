/// Member access (`x.name`), method calls (`x.name(...)`) and subscripts (`x[i]`).
/// Dictionaries answer dot access from their string keys first, then from their properties.
extension Interpreter {
    func member(_ object: Value, _ name: String, _ loc: SourceLocation) throws -> Value {
        switch object {
        case .dict(let d):
            if let v = d[name] { return v }
        case .native(let o):
            if let v = try o.property(name) { return v }
            if let m = o.methods[name] { return .bound(BoundMethod(receiver: object, method: m)) }
            throw noMember(object, name, candidates: o.memberNames)
        default: break
        }
        if let v = try CoreMethods.property(object, name) { return v }
        if let m = CoreMethods.table(for: object)?[name] { return .bound(BoundMethod(receiver: object, method: m)) }
        if case .dict(let d) = object {
            var message = "the dictionary has no key \"\(name)\""
            let keys = d.keys.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
            if let guess = Spelling.suggest(name, among: keys) { message += " (did you mean \"\(guess)\"?)" }
            else if !keys.isEmpty { message += "; its keys are \(keys.prefix(10).map { "\"\($0)\"" }.joined(separator: ", "))" }
            throw ScriptError(message, at: loc)
        }
        throw noMember(object, name, candidates: CoreMethods.memberNames(of: object))
    }

    private func noMember(_ object: Value, _ name: String, candidates: [String]) -> ScriptError {
        var message = "a \(object.typeName) has no member '\(name)'"
        if let guess = Spelling.suggest(name, among: candidates) { message += " (did you mean '\(guess)'?)" }
        return ScriptError(message)
    }

    func invoke(_ object: Value, _ name: String, _ positional: [Value], _ named: [(label: String, value: Value)],
                _ loc: SourceLocation) throws -> Value {
        switch object {
        case .native(let o):
            if let m = o.methods[name] {
                return try m.call(receiver: object, positional: positional, named: named, interpreter: self)
            }
        case .dict(let d):
            if let f = d[name] { return try call(f, positional: positional, named: named, at: loc) }
        default:
            if let m = CoreMethods.table(for: object)?[name] {
                return try m.call(receiver: object, positional: positional, named: named, interpreter: self)
            }
        }
        let f = try member(object, name, loc)
        return try call(f, positional: positional, named: named, at: loc)
    }

    func setMember(_ object: Value, _ name: String, _ value: Value, _ loc: SourceLocation) throws {
        switch object {
        case .dict(let d): d[name] = value
        case .native(let o): try located(loc) { try o.setProperty(name, value) }
        default: throw ScriptError("cannot set '\(name)' on a \(object.typeName)", at: loc)
        }
    }

    func subscriptGet(_ object: Value, _ indices: [Value], _ loc: SourceLocation) throws -> Value {
        if case .native(let o) = object { return try o.subscriptGet(indices) }
        guard indices.count == 1 else {
            throw ScriptError("a \(object.typeName) takes one index, got \(indices.count)", at: loc)
        }
        let index = indices[0]
        switch object {
        case .list(let l):
            if case .range(let r) = index {
                guard let (s, e) = r.indices(length: l.items.count) else {
                    throw ScriptError("range \(Formatter.repr(index)) is out of bounds for a list of \(l.items.count) items", at: loc)
                }
                return .list(ListObject(Array(l.items[s..<e])))
            }
            return l.items[try position(index, count: l.items.count, what: "list", loc)]
        case .string(let s):
            let chars = Array(s)
            if case .range(let r) = index {
                guard let (start, end) = r.indices(length: chars.count) else {
                    throw ScriptError("range \(Formatter.repr(index)) is out of bounds for a string of \(chars.count) characters", at: loc)
                }
                return .string(String(chars[start..<end]))
            }
            return .string(String(chars[try position(index, count: chars.count, what: "string", loc)]))
        case .dict(let d):
            guard let key = DictKey(index) else {
                throw ScriptError("dictionary keys are strings, numbers or booleans, got \(index.typeName)", at: loc)
            }
            if let v = d[key] { return v }
            var message = "no key \(key) in the dictionary"
            let keys = d.keys.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
            if case .string(let s) = key, let guess = Spelling.suggest(s, among: keys) { message += " (did you mean \"\(guess)\"?)" }
            message += "; use d.get(key, default) for an optional lookup"
            throw ScriptError(message, at: loc)
        case .range(let r):
            let items = Iteration.rangeItems(r)
            return items[try position(index, count: items.count, what: "range", loc)]
        default:
            throw ScriptError("a \(object.typeName) cannot be indexed", at: loc)
        }
    }

    func subscriptSet(_ object: Value, _ indices: [Value], _ value: Value, _ loc: SourceLocation) throws {
        switch object {
        case .native(let o): try located(loc) { try o.subscriptSet(indices, value) }
        case .list(let l) where indices.count == 1:
            l.items[try position(indices[0], count: l.items.count, what: "list", loc)] = value
        case .dict(let d) where indices.count == 1:
            guard let key = DictKey(indices[0]) else {
                throw ScriptError("dictionary keys are strings, numbers or booleans, got \(indices[0].typeName)", at: loc)
            }
            d[key] = value
        case .string:
            throw ScriptError("strings cannot be changed in place; build a new one", at: loc)
        default:
            throw ScriptError("a \(object.typeName) does not support item assignment", at: loc)
        }
    }

    /// A checked position: whole numbers, negative ones counting from the end.
    func position(_ index: Value, count: Int, what: String, _ loc: SourceLocation) throws -> Int {
        guard case .number(let n) = index else {
            throw ScriptError("a \(what) index must be a number, got \(index.typeName)", at: loc)
        }
        guard n == n.rounded(), abs(n) < 1e15 else {
            throw ScriptError("a \(what) index must be a whole number, got \(Formatter.number(n))", at: loc)
        }
        let i = n < 0 ? count + Int(n) : Int(n)
        guard i >= 0, i < count else {
            let unit = what == "string" ? "character" : "item"
            throw ScriptError("index \(Formatter.number(n)) is out of range for a \(what) of \(count) \(unit)\(count == 1 ? "" : "s")", at: loc)
        }
        return i
    }
}
