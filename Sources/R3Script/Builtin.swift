/// One parameter of a function: a name, whether it has a default, and whether it collects the
/// remaining positional arguments (`...items`).
public struct Parameter: Sendable {
    public let name: String
    public let hasDefault: Bool
    public let variadic: Bool
}

/// Binds call arguments to parameters, the same way for script functions and builtins:
/// positional arguments fill parameters in order, `name: value` arguments fill by name, and the
/// rest take their defaults. Every arity error is reported here, in one wording.
enum ArgumentBinder {
    /// Returns one slot per parameter: the given value, or nil where the default applies.
    static func bind(function: String, parameters: [Parameter], positional: [Value],
                     named: [(label: String, value: Value)]) throws -> [Value?] {
        var slots = [Value?](repeating: nil, count: parameters.count)
        let variadicIndex = parameters.firstIndex(where: { $0.variadic })
        let fixedCount = variadicIndex ?? parameters.count
        if positional.count > fixedCount && variadicIndex == nil {
            let expected = parameters.count
            throw ScriptError("\(function)() takes \(expected == 0 ? "no" : "at most \(expected)") argument\(expected == 1 ? "" : "s"), got \(positional.count)")
        }
        for (i, v) in positional.prefix(fixedCount).enumerated() { slots[i] = v }
        if let vi = variadicIndex {
            slots[vi] = .list(ListObject(Array(positional.dropFirst(fixedCount))))
        }
        for (label, value) in named {
            guard let i = parameters.firstIndex(where: { $0.name == label }), !parameters[i].variadic else {
                let names = parameters.filter { !$0.variadic }.map(\.name)
                var message = "\(function)() has no parameter named '\(label)'"
                if let guess = Spelling.suggest(label, among: names) { message += " (did you mean '\(guess)'?)" }
                else if !names.isEmpty { message += "; its parameters are \(names.joined(separator: ", "))" }
                throw ScriptError(message)
            }
            if slots[i] != nil { throw ScriptError("\(function)() got two values for '\(label)'") }
            slots[i] = value
        }
        let missing = parameters.indices.filter { slots[$0] == nil && !parameters[$0].hasDefault && !parameters[$0].variadic }
        if !missing.isEmpty {
            let list = missing.map { "'\(parameters[$0].name)'" }.joined(separator: ", ")
            throw ScriptError("\(function)() is missing argument\(missing.count == 1 ? "" : "s") \(list)")
        }
        return slots
    }
}

/// A function or method implemented in Swift. Every builtin is declared with one signature string,
/// such as `zeros(shape, grad = false)`, which fixes its parameters and defaults; its body reads the
/// bound arguments through `Arguments`, whose checks word every type error the same way.
public final class Builtin: @unchecked Sendable {
    public typealias Body = (Arguments) throws -> Value

    /// The display name: `zeros`, or `list.append` for a method.
    public let name: String
    /// The signature as written, for `:help`.
    public let signature: String
    public let parameters: [Parameter]
    let defaults: [Value?]
    /// One paragraph of documentation, shown by `:help NAME`.
    public let doc: String
    let body: Body

    /// - Parameters:
    ///   - signature: `name(a, b = 1, ...rest)`; defaults are literals.
    ///   - owner: the type name for methods (`list`), so errors read `list.append()`.
    public init(_ signature: String, owner: String? = nil, doc: String, body: @escaping Body) {
        let parsed = SignatureParser.parse(signature)
        self.name = owner.map { "\($0).\(parsed.name)" } ?? parsed.name
        self.signature = owner.map { "\($0).\(signature)" } ?? signature
        self.parameters = parsed.parameters
        self.defaults = parsed.defaults
        self.doc = doc
        self.body = body
    }

    /// The name the builtin is called by (without the owner).
    public var shortName: String { name.split(separator: ".").last.map(String.init) ?? name }

    func call(receiver: Value, positional: [Value], named: [(label: String, value: Value)],
              interpreter: Interpreter) throws -> Value {
        var values: [Value]
        if named.isEmpty && positional.count == parameters.count && !parameters.contains(where: { $0.variadic }) {
            values = positional
        } else {
            let slots = try ArgumentBinder.bind(function: name, parameters: parameters, positional: positional, named: named)
            values = slots.enumerated().map { $0.element ?? defaults[$0.offset] ?? .null }
        }
        return try body(Arguments(function: self, receiver: receiver, values: values, interpreter: interpreter))
    }
}

/// The bound arguments of one builtin call, with the shared checks that name the function and the
/// argument in every error: `zeros(): argument 'shape' must be a list, got string`.
public struct Arguments {
    public let function: Builtin
    /// The value a method was called on (`.null` for plain functions).
    public let receiver: Value
    /// One value per parameter, defaults filled in; a variadic parameter holds a list.
    public let values: [Value]
    public let interpreter: Interpreter

    public func error(_ message: String) -> ScriptError { ScriptError("\(function.name)(): \(message)") }

    private func index(_ name: String) -> Int {
        guard let i = function.parameters.firstIndex(where: { $0.name == name }) else {
            preconditionFailure("builtin \(function.name) has no parameter \(name)")
        }
        return i
    }

    public subscript(_ name: String) -> Value { values[index(name)] }

    public func isGiven(_ name: String) -> Bool { !self[name].isNil }

    func typeError(_ name: String, _ expected: String) -> ScriptError {
        error("argument '\(name)' must be \(expected), got \(self[name].typeName)")
    }

    public func number(_ name: String) throws -> Double {
        guard case .number(let n) = self[name] else { throw typeError(name, "a number") }
        return n
    }

    public func optionalNumber(_ name: String) throws -> Double? {
        self[name].isNil ? nil : try number(name)
    }

    /// An integral number that fits an Int.
    public func int(_ name: String) throws -> Int {
        let n = try number(name)
        guard n.rounded() == n, abs(n) < 9e15 else { throw error("argument '\(name)' must be a whole number, got \(Formatter.number(n))") }
        return Int(n)
    }

    public func optionalInt(_ name: String) throws -> Int? { self[name].isNil ? nil : try int(name) }

    public func string(_ name: String) throws -> String {
        guard case .string(let s) = self[name] else { throw typeError(name, "a string") }
        return s
    }

    public func optionalString(_ name: String) throws -> String? { self[name].isNil ? nil : try string(name) }

    public func bool(_ name: String) throws -> Bool {
        guard case .bool(let b) = self[name] else { throw typeError(name, "true or false") }
        return b
    }

    public func list(_ name: String) throws -> [Value] {
        switch self[name] {
        case .list(let l): return l.items
        case .range(let r) where r.lower != nil && r.upper != nil: return Iteration.rangeItems(r)
        default: throw typeError(name, "a list")
        }
    }

    public func numbers(_ name: String) throws -> [Double] {
        try list(name).enumerated().map { i, v in
            guard case .number(let n) = v else { throw error("argument '\(name)' must be a list of numbers; item \(i) is a \(v.typeName)") }
            return n
        }
    }

    public func dict(_ name: String) throws -> DictObject {
        guard case .dict(let d) = self[name] else { throw typeError(name, "a dictionary") }
        return d
    }

    public func callable(_ name: String) throws -> Value {
        guard self[name].isCallable else { throw typeError(name, "a function") }
        return self[name]
    }

    public func native<T: NativeObject>(_ name: String, as type: T.Type, described: String) throws -> T {
        guard case .native(let o) = self[name], let t = o as? T else { throw typeError(name, described) }
        return t
    }

    /// The receiver of a method call, as the expected native type.
    public func receiver<T: NativeObject>(as type: T.Type) -> T {
        guard case .native(let o) = receiver, let t = o as? T else {
            preconditionFailure("method \(function.name) called on \(receiver.typeName)")
        }
        return t
    }
}

/// Parses builtin signature strings such as `range(start, end = nil, step = 1)`.
enum SignatureParser {
    static func parse(_ text: String) -> (name: String, parameters: [Parameter], defaults: [Value?]) {
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else {
            preconditionFailure("bad builtin signature \(text)")
        }
        let name = String(text[..<open])
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        var parameters: [Parameter] = []
        var defaults: [Value?] = []
        for part in splitTopLevel(String(inner)) {
            let p = part.trimmingWhitespace
            if p.isEmpty { continue }
            if p.hasPrefix("...") {
                parameters.append(Parameter(name: String(p.dropFirst(3)), hasDefault: false, variadic: true))
                defaults.append(nil)
            } else if let eq = p.firstIndex(of: "=") {
                let pname = String(p[..<eq]).trimmingWhitespace
                let literal = String(p[p.index(after: eq)...]).trimmingWhitespace
                parameters.append(Parameter(name: pname, hasDefault: true, variadic: false))
                defaults.append(LiteralParser.value(of: literal))
            } else {
                parameters.append(Parameter(name: p, hasDefault: false, variadic: false))
                defaults.append(nil)
            }
        }
        return (name, parameters, defaults)
    }

    /// Splits at commas that are not inside brackets or strings.
    static func splitTopLevel(_ s: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0, inString = false
        for ch in s {
            if ch == "\"" { inString.toggle() }
            if !inString {
                if ch == "[" || ch == "(" { depth += 1 }
                if ch == "]" || ch == ")" { depth -= 1 }
                if ch == "," && depth == 0 { parts.append(current); current = ""; continue }
            }
            current.append(ch)
        }
        parts.append(current)
        return parts
    }
}

/// Evaluates the literal defaults of builtin signatures with the language's own parser.
enum LiteralParser {
    static func value(of text: String) -> Value {
        let source = SourceFile(name: "<signature>", text: text)
        guard let expr = try? Parser.parseExpression(source) else {
            preconditionFailure("bad default literal \(text)")
        }
        return constant(expr)
    }

    static func constant(_ e: Expr) -> Value {
        switch e {
        case .literal(let v): return v
        case .unary(.negate, let inner, _):
            if case .number(let n) = constant(inner) { return .number(-n) }
        case .list(let items, _): return .list(ListObject(items.map(constant)))
        case .dict(let pairs, _):
            let d = DictObject()
            for (k, v) in pairs { if let key = DictKey(constant(k)) { d[key] = constant(v) } }
            return .dict(d)
        default: break
        }
        preconditionFailure("builtin default is not a literal")
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
