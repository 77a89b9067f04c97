/// The operators a native object may implement.
public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%", power = "**"
    case matmul = "@"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
}

public enum UnaryOperator: String, Sendable {
    case negate = "-", not = "!"
}

/// The base class of objects that the domain binds into the language (tensors, models, tasks,
/// logs...). The language knows them only through these hooks; R3Runtime subclasses it.
open class NativeObject {
    public init() {}

    /// The type name shown by `type(x)` and in errors.
    open var typeName: String { "object" }

    /// How `print` shows the object.
    open var description: String { "<\(typeName)>" }

    /// Methods, looked up by name on each call: `t.sum(axis: 1)`.
    open var methods: [String: Builtin] { [:] }

    /// A property (`t.shape`), or nil when the object has no such property.
    open func property(_ name: String) throws -> Value? { nil }

    /// Sets a property (`model.lr = 0.1`). The default refuses.
    open func setProperty(_ name: String, _ value: Value) throws {
        throw ScriptError("cannot set '\(name)' on a \(typeName)")
    }

    /// Names for tab completion after a dot: properties and methods.
    open var memberNames: [String] { Array(methods.keys) }

    /// A binary operator with this object on the left (`reversed == false`) or on the right.
    /// Returns nil when the operator does not apply, and the interpreter reports the types.
    open func binary(_ op: BinaryOperator, _ other: Value, reversed: Bool) throws -> Value? { nil }

    open func unary(_ op: UnaryOperator) throws -> Value? { nil }

    /// `x[a, b]`; the default refuses.
    open func subscriptGet(_ indices: [Value]) throws -> Value {
        throw ScriptError("a \(typeName) cannot be indexed")
    }

    open func subscriptSet(_ indices: [Value], _ value: Value) throws {
        throw ScriptError("a \(typeName) does not support item assignment")
    }

    /// The items that `for x in object` visits, or nil when the object is not iterable.
    open func iterate() throws -> [Value]? { nil }

    /// The number of items, for `count`-like uses; nil when it has none.
    open var count: Int? { nil }

    /// Whether the object can be called like a function.
    open var isCallable: Bool { false }

    open func call(_ arguments: [Value], named: [(label: String, value: Value)], interpreter: Interpreter) throws -> Value {
        throw ScriptError("a \(typeName) is not a function")
    }

    /// Structural equality; the default is identity.
    open func isEqual(to other: NativeObject) -> Bool { self === other }
}

/// A named group of builtins shown as one value: `countdown.generate(...)`, `json.parse(...)`.
public final class Namespace: NativeObject {
    public let name: String
    public let doc: String
    private var members: [String: Builtin] = [:]
    private var values: [String: Value] = [:]

    public init(_ name: String, doc: String) {
        self.name = name
        self.doc = doc
    }

    public func add(_ builtin: Builtin) { members[builtin.shortName] = builtin }
    public func add(_ name: String, value: Value) { values[name] = value }

    public var builtins: [Builtin] { members.values.sorted { $0.name < $1.name } }

    override public var typeName: String { "namespace" }
    override public var description: String { "<namespace \(name)>" }
    override public var methods: [String: Builtin] { members }
    override public func property(_ name: String) throws -> Value? { values[name] }
    override public var memberNames: [String] { Array(members.keys) + Array(values.keys) }
}
