/// The top-level variables shared by every file, import and REPL line of one session.
/// The resolver turns global names into indices here; the interpreter reads them by index.
public final class Globals {
    var values: ContiguousArray<Value> = []
    var defined: ContiguousArray<Bool> = []
    var constant: ContiguousArray<Bool> = []
    private(set) var names: [String] = []
    private var indexByName: [String: Int] = [:]

    /// The index of a global, reserving one for a name not yet defined.
    func index(for name: String) -> Int {
        if let i = indexByName[name] { return i }
        let i = names.count
        names.append(name)
        indexByName[name] = i
        values.append(.null)
        defined.append(false)
        constant.append(false)
        return i
    }

    func define(_ index: Int, _ value: Value, isConstant: Bool) {
        values[index] = value
        defined[index] = true
        constant[index] = isConstant
    }

    /// Defines or replaces a global by name.
    public func set(_ name: String, _ value: Value) {
        define(index(for: name), value, isConstant: false)
    }

    /// The value of a defined global.
    public func value(named name: String) -> Value? {
        guard let i = indexByName[name], defined[i] else { return nil }
        return values[i]
    }

    /// The names that currently have values, for completion and suggestions.
    public var definedNames: [String] { names.indices.filter { defined[$0] }.map { names[$0] } }

    /// Forgets user definitions, keeping only the names in `keep` (used by `:reset`).
    func reset(keeping keep: [String: Value]) {
        for i in names.indices {
            if let v = keep[names[i]] { values[i] = v; defined[i] = true } else { values[i] = .null; defined[i] = false }
            constant[i] = false
        }
    }
}
