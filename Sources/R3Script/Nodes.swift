import Foundation

/// The executable form of a resolved program: a tree of node objects, one final class per kind of
/// expression or statement (and per arithmetic operator), each evaluating itself. The resolver's
/// syntax tree says what the program means; the compiler (`Compiler`) turns it into these nodes
/// once, so that running a node costs one virtual call and no enum unpacking or reference counting
/// of the tree (the class-per-node design of Truffle's AST interpreters and of many Swift ones).

/// An expression node.
class ExprNode {
    /// Where the expression starts, for errors about its value (a condition that is not a bool).
    let location: SourceLocation?
    init(_ location: SourceLocation?) { self.location = location }

    func eval(_ i: Interpreter, _ f: Frame) throws -> Value { fatalError("ExprNode.eval is abstract") }

    /// The value as a condition (`if`, `while`, `?:`); comparisons answer without building a value.
    func test(_ i: Interpreter, _ f: Frame, _ context: String) throws -> Bool {
        let v = try eval(i, f)
        if case .bool(let b) = v { return b }
        throw notABool(v, context)
    }

    final func notABool(_ v: Value, _ context: String) -> ScriptError {
        ScriptError("the \(context) condition must be true or false, got \(v.typeName)", at: location)
    }
}

/// A statement node; `exec` says how the statement finished.
class StmtNode {
    func exec(_ i: Interpreter, _ f: Frame) throws -> Flow { fatalError("StmtNode.exec is abstract") }
}

/// Owns the nodes of a list, and a buffer of unmanaged references to them.
final class NodeStorage<Node: AnyObject> {
    let nodes: ContiguousArray<Node>
    let refs: UnsafeMutablePointer<Unmanaged<Node>>

    init(_ nodes: ContiguousArray<Node>) {
        self.nodes = nodes
        refs = .allocate(capacity: max(1, nodes.count))
        refs.initialize(from: nodes.map { Unmanaged.passUnretained($0) }, count: nodes.count)
    }

    deinit { refs.deallocate() }
}

/// A list of nodes (statements of a block, arguments of a call). Running through it calls each
/// node through an unmanaged reference, without retaining and releasing it: the storage keeps the
/// nodes alive, and compiled lists never change.
struct NodeList<Node: AnyObject> {
    private let storage: NodeStorage<Node>
    private let refs: UnsafeMutablePointer<Unmanaged<Node>>
    let count: Int

    init<S: Sequence>(_ nodes: S) where S.Element == Node {
        storage = NodeStorage(ContiguousArray(nodes))
        refs = storage.refs
        count = storage.nodes.count
    }

    /// Calls `body` with the node at `k`, guaranteed alive and not retained.
    @inline(__always)
    func with<T>(_ k: Int, _ body: (Node) throws -> T) rethrows -> T {
        try refs[k]._withUnsafeGuaranteedRef(body)
    }
}

/// A list of statements run in order until one breaks, continues or returns.
typealias StmtList = NodeList<StmtNode>
typealias ExprList = NodeList<ExprNode>

extension Interpreter {
    @inline(__always)
    func run(_ body: StmtList, _ f: Frame) throws -> Flow {
        var k = 0
        let n = body.count
        while k < n {
            let flow = try body.with(k) { try $0.exec(self, f) }
            if flow != .normal { return flow }
            k += 1
        }
        return .normal
    }

    /// The values of a list of expressions, in order.
    @inline(__always)
    func values(_ list: ExprList, _ f: Frame) throws -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(list.count)
        for k in 0..<list.count { values.append(try list.with(k) { try $0.eval(self, f) }) }
        return values
    }

    @inline(__always)
    func truth(_ e: ExprNode, _ f: Frame, _ context: String) throws -> Bool {
        try e.test(self, f, context)
    }
}

/// A function ready to run: its frame layout, parameters and compiled body. Closures point here.
final class FunctionCode {
    let name: String
    let slotCount: Int
    let hasCells: Bool
    /// Every parameter a plain local without a default: calls copy arguments straight in.
    let isSimple: Bool
    let parameterCount: Int
    let signature: [Parameter]
    let parameters: [Variable]
    let defaults: [ExprNode?]
    let body: StmtList

    init(_ decl: FunctionDecl, defaults: [ExprNode?], body: StmtList) {
        name = decl.name
        slotCount = decl.slotCount
        hasCells = !decl.cellSlots.isEmpty
        isSimple = decl.isSimple
        parameterCount = decl.parameters.count
        signature = decl.signature
        parameters = decl.parameters.map(\.variable)
        self.defaults = defaults
        self.body = body
    }
}

// MARK: - Values and variables

final class ConstantNode: ExprNode {
    let value: Value
    init(_ value: Value) { self.value = value; super.init(nil) }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value { value }
}

final class NumberNode: ExprNode {
    let number: Double
    init(_ number: Double) { self.number = number; super.init(nil) }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value { .number(number) }
}

final class LocalNode: ExprNode {
    let slot: Int
    init(_ slot: Int, _ loc: SourceLocation) { self.slot = slot; super.init(loc) }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value { f.slots[slot] }
}

final class CellNode: ExprNode {
    let slot: Int
    init(_ slot: Int, _ loc: SourceLocation) { self.slot = slot; super.init(loc) }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value { f.cells[slot].value }
}

final class UpvalueNode: ExprNode {
    let index: Int
    init(_ index: Int, _ loc: SourceLocation) { self.index = index; super.init(loc) }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value { f.closure!.captures[index].value }
}

final class GlobalNode: ExprNode {
    let index: Int
    let variable: Variable
    init(_ index: Int, _ variable: Variable) { self.index = index; self.variable = variable; super.init(variable.location) }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let g = i.globals
        if g.defined[index] { return g.values[index] }
        throw i.undefined(variable)
    }
}

final class InterpolationNode: ExprNode {
    let parts: ExprList
    init(_ parts: ExprList) { self.parts = parts; super.init(nil) }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        var s = ""
        for k in 0..<parts.count { s += Formatter.display(try parts.with(k) { try $0.eval(i, f) }) }
        return .string(s)
    }
}

final class ListNode: ExprNode {
    let items: ExprList
    init(_ items: ExprList, _ loc: SourceLocation) { self.items = items; super.init(loc) }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        .list(ListObject(try i.values(items, f)))
    }
}

final class DictNode: ExprNode {
    let pairs: [(key: ExprNode, value: ExprNode)]
    let loc: SourceLocation
    init(_ pairs: [(key: ExprNode, value: ExprNode)], _ loc: SourceLocation) { self.pairs = pairs; self.loc = loc; super.init(loc) }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let d = DictObject()
        for (k, v) in pairs {
            let key = try k.eval(i, f)
            guard let dk = DictKey(key) else {
                throw ScriptError("dictionary keys must be strings, numbers or booleans, got \(key.typeName)", at: k.location ?? loc)
            }
            d[dk] = try v.eval(i, f)
        }
        return .dict(d)
    }
}

final class RangeNode: ExprNode {
    let lower: ExprNode?
    let upper: ExprNode?
    let inclusive: Bool
    let loc: SourceLocation
    init(_ lower: ExprNode?, _ upper: ExprNode?, inclusive: Bool, _ loc: SourceLocation) {
        self.lower = lower; self.upper = upper; self.inclusive = inclusive; self.loc = loc
        super.init(loc)
    }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        func bound(_ e: ExprNode?) throws -> Double? {
            guard let e else { return nil }
            let v = try e.eval(i, f)
            guard case .number(let n) = v else {
                throw ScriptError("range bounds must be numbers, got \(v.typeName)", at: e.location ?? loc)
            }
            return n
        }
        return .range(RangeObject(lower: try bound(lower), upper: try bound(upper), inclusive: inclusive))
    }
}

final class FunctionNode: ExprNode {
    let decl: FunctionDecl
    let code: FunctionCode
    init(_ decl: FunctionDecl, _ code: FunctionCode) { self.decl = decl; self.code = code; super.init(decl.location) }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value { .closure(i.makeClosure(decl, code, f)) }
}

// MARK: - Operators

/// A binary operator; subclasses take the number fast path of one operator and leave every other
/// case (strings, lists, tensors, errors) to `Interpreter.binary`.
class BinaryNode: ExprNode {
    let op: BinaryOperator
    let left: ExprNode
    let right: ExprNode
    let loc: SourceLocation
    init(_ op: BinaryOperator, _ left: ExprNode, _ right: ExprNode, _ loc: SourceLocation) {
        self.op = op; self.left = left; self.right = right; self.loc = loc
        super.init(loc)
    }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let a = try left.eval(i, f)
        let b = try right.eval(i, f)
        return try i.binary(op, a, b, loc)
    }

    /// A comparison as a condition: numbers compare directly, anything else goes through `eval`.
    @inline(__always)
    final func compare(_ i: Interpreter, _ f: Frame, _ context: String, _ numbers: (Double, Double) -> Bool) throws -> Bool {
        let a = try left.eval(i, f)
        let b = try right.eval(i, f)
        if case .number(let x) = a, case .number(let y) = b { return numbers(x, y) }
        let v = try i.binary(op, a, b, loc)
        if case .bool(let r) = v { return r }
        throw notABool(v, context)
    }
}

/// The number result of `x op y`, as `Interpreter.binary` computes it; nil for `@`.
@inline(__always)
func numeric(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Value? {
    switch op {
    case .add: return .number(x + y)
    case .subtract: return .number(x - y)
    case .multiply: return .number(x * y)
    case .divide: return .number(x / y)
    case .remainder: return .number(x.truncatingRemainder(dividingBy: y))
    case .power: return .number(pow(x, y))
    case .less: return .bool(x < y)
    case .lessEqual: return .bool(x <= y)
    case .greater: return .bool(x > y)
    case .greaterEqual: return .bool(x >= y)
    case .equal: return .bool(x == y)
    case .notEqual: return .bool(x != y)
    case .matmul: return nil
    }
}

/// `local op number` (`n - 1`, `i < 100`, `x * 0.5`): the commonest operands of loops and
/// recursions, read and combined in one node.
final class LocalNumberNode: ExprNode {
    let slot: Int
    let number: Double
    let op: BinaryOperator
    let loc: SourceLocation
    init(_ slot: Int, _ op: BinaryOperator, _ number: Double, _ location: SourceLocation?, _ loc: SourceLocation) {
        self.slot = slot; self.op = op; self.number = number; self.loc = loc
        super.init(location)
    }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        if case .number(let x) = f.slots[slot], let r = numeric(op, x, number) { return r }
        return try i.binary(op, f.slots[slot], .number(number), loc)
    }
    override func test(_ i: Interpreter, _ f: Frame, _ context: String) throws -> Bool {
        if case .number(let x) = f.slots[slot], case .bool(let b)? = numeric(op, x, number) { return b }
        let v = try eval(i, f)
        if case .bool(let b) = v { return b }
        throw notABool(v, context)
    }
}

/// `expression op number` for any other left side (`count(xs) * 2`, `g < 10` on a global).
final class NumberRightNode: ExprNode {
    let left: ExprNode
    let number: Double
    let op: BinaryOperator
    let loc: SourceLocation
    init(_ left: ExprNode, _ op: BinaryOperator, _ number: Double, _ loc: SourceLocation) {
        self.left = left; self.op = op; self.number = number; self.loc = loc
        super.init(loc)
    }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let a = try left.eval(i, f)
        if case .number(let x) = a, let r = numeric(op, x, number) { return r }
        return try i.binary(op, a, .number(number), loc)
    }
    override func test(_ i: Interpreter, _ f: Frame, _ context: String) throws -> Bool {
        let v = try eval(i, f)
        if case .bool(let b) = v { return b }
        throw notABool(v, context)
    }
}

final class AddNode: BinaryNode {
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let a = try left.eval(i, f)
        let b = try right.eval(i, f)
        if case .number(let x) = a, case .number(let y) = b { return .number(x + y) }
        return try i.binary(.add, a, b, loc)
    }
}

final class SubtractNode: BinaryNode {
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let a = try left.eval(i, f)
        let b = try right.eval(i, f)
        if case .number(let x) = a, case .number(let y) = b { return .number(x - y) }
        return try i.binary(.subtract, a, b, loc)
    }
}

final class MultiplyNode: BinaryNode {
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let a = try left.eval(i, f)
        let b = try right.eval(i, f)
        if case .number(let x) = a, case .number(let y) = b { return .number(x * y) }
        return try i.binary(.multiply, a, b, loc)
    }
}

final class DivideNode: BinaryNode {
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let a = try left.eval(i, f)
        let b = try right.eval(i, f)
        if case .number(let x) = a, case .number(let y) = b { return .number(x / y) }
        return try i.binary(.divide, a, b, loc)
    }
}

final class LessNode: BinaryNode {
    override func test(_ i: Interpreter, _ f: Frame, _ context: String) throws -> Bool {
        try compare(i, f, context) { $0 < $1 }
    }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let a = try left.eval(i, f)
        let b = try right.eval(i, f)
        if case .number(let x) = a, case .number(let y) = b { return .bool(x < y) }
        return try i.binary(.less, a, b, loc)
    }
}

final class LessEqualNode: BinaryNode {
    override func test(_ i: Interpreter, _ f: Frame, _ context: String) throws -> Bool {
        try compare(i, f, context) { $0 <= $1 }
    }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let a = try left.eval(i, f)
        let b = try right.eval(i, f)
        if case .number(let x) = a, case .number(let y) = b { return .bool(x <= y) }
        return try i.binary(.lessEqual, a, b, loc)
    }
}

final class GreaterNode: BinaryNode {
    override func test(_ i: Interpreter, _ f: Frame, _ context: String) throws -> Bool {
        try compare(i, f, context) { $0 > $1 }
    }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let a = try left.eval(i, f)
        let b = try right.eval(i, f)
        if case .number(let x) = a, case .number(let y) = b { return .bool(x > y) }
        return try i.binary(.greater, a, b, loc)
    }
}

final class GreaterEqualNode: BinaryNode {
    override func test(_ i: Interpreter, _ f: Frame, _ context: String) throws -> Bool {
        try compare(i, f, context) { $0 >= $1 }
    }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let a = try left.eval(i, f)
        let b = try right.eval(i, f)
        if case .number(let x) = a, case .number(let y) = b { return .bool(x >= y) }
        return try i.binary(.greaterEqual, a, b, loc)
    }
}

final class EqualNode: BinaryNode {
    override func test(_ i: Interpreter, _ f: Frame, _ context: String) throws -> Bool {
        try compare(i, f, context) { $0 == $1 }
    }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let a = try left.eval(i, f)
        let b = try right.eval(i, f)
        if case .number(let x) = a, case .number(let y) = b { return .bool(x == y) }
        return try i.binary(.equal, a, b, loc)
    }
}

final class NotEqualNode: BinaryNode {
    override func test(_ i: Interpreter, _ f: Frame, _ context: String) throws -> Bool {
        try compare(i, f, context) { $0 != $1 }
    }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let a = try left.eval(i, f)
        let b = try right.eval(i, f)
        if case .number(let x) = a, case .number(let y) = b { return .bool(x != y) }
        return try i.binary(.notEqual, a, b, loc)
    }
}

final class LogicalNode: ExprNode {
    let isAnd: Bool
    let left: ExprNode
    let right: ExprNode
    let loc: SourceLocation
    init(isAnd: Bool, _ left: ExprNode, _ right: ExprNode, _ loc: SourceLocation) {
        self.isAnd = isAnd; self.left = left; self.right = right; self.loc = loc
        super.init(loc)
    }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let a = try left.eval(i, f)
        guard case .bool(let x) = a else {
            throw ScriptError("'\(isAnd ? "&&" : "||")' needs true or false, got \(a.typeName)", at: loc)
        }
        if isAnd ? !x : x { return .bool(x) }
        let b = try right.eval(i, f)
        guard case .bool = b else {
            throw ScriptError("'\(isAnd ? "&&" : "||")' needs true or false, got \(b.typeName)", at: loc)
        }
        return b
    }
}

final class UnaryNode: ExprNode {
    let op: UnaryOperator
    let operand: ExprNode
    let loc: SourceLocation
    init(_ op: UnaryOperator, _ operand: ExprNode, _ loc: SourceLocation) {
        self.op = op; self.operand = operand; self.loc = loc
        super.init(loc)
    }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let v = try operand.eval(i, f)
        switch (op, v) {
        case (.negate, .number(let n)): return .number(-n)
        case (.not, .bool(let b)): return .bool(!b)
        case (_, .native(let o)):
            if let r = try i.located(loc, { try o.unary(op) }) { return r }
        default: break
        }
        throw ScriptError(op == .negate ? "cannot negate a \(v.typeName)" : "'!' needs true or false, got \(v.typeName)", at: loc)
    }
}

final class CoalesceNode: ExprNode {
    let left: ExprNode
    let right: ExprNode
    init(_ left: ExprNode, _ right: ExprNode) { self.left = left; self.right = right; super.init(left.location) }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let a = try left.eval(i, f)
        return a.isNil ? try right.eval(i, f) : a
    }
}

final class TernaryNode: ExprNode {
    let condition: ExprNode
    let then: ExprNode
    let otherwise: ExprNode
    init(_ condition: ExprNode, _ then: ExprNode, _ otherwise: ExprNode, _ loc: SourceLocation) {
        self.condition = condition; self.then = then; self.otherwise = otherwise
        super.init(loc)
    }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        try i.truth(condition, f, "?:") ? try then.eval(i, f) : try otherwise.eval(i, f)
    }
}

// MARK: - Calls, members, subscripts

/// A call with positional arguments only: a script function that takes exactly these parameters
/// gets them evaluated straight into its new frame.
final class CallNode: ExprNode {
    let callee: ExprNode
    let arguments: ExprList
    let loc: SourceLocation
    init(_ callee: ExprNode, _ arguments: ExprList, _ loc: SourceLocation) {
        self.callee = callee; self.arguments = arguments; self.loc = loc
        super.init(loc)
    }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let function = try callee.eval(i, f)
        if case .closure(let c) = function, c.isSimple && arguments.count == c.parameterCount {
            let frame = try i.pushFrame(c, at: loc)
            defer { i.popFrame(c, frame) }
            var k = 0
            while k < arguments.count {
                frame.slots[k] = try arguments.with(k) { try $0.eval(i, f) }
                k += 1
            }
            return try i.runBody(c, frame, at: loc)
        }
        return try general(function, i, f)
    }

    /// Builtins, methods, callable objects, and script functions with defaults or cells.
    @inline(never)
    private func general(_ function: Value, _ i: Interpreter, _ f: Frame) throws -> Value {
        let positional = try i.values(arguments, f)
        return try i.located(loc) { try i.call(function, positional: positional, named: [], at: loc) }
    }
}

/// A positional call of a global function (`fib(n - 1)`): the callee is read in place.
final class GlobalCallNode: ExprNode {
    let index: Int
    let variable: Variable
    let arguments: ExprList
    let loc: SourceLocation
    init(_ index: Int, _ variable: Variable, _ arguments: ExprList, _ loc: SourceLocation) {
        self.index = index; self.variable = variable; self.arguments = arguments; self.loc = loc
        super.init(loc)
    }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let g = i.globals
        guard g.defined[index] else { throw i.undefined(variable) }
        if case .closure(let c) = g.values[index], c.isSimple && arguments.count == c.parameterCount {
            let frame = try i.pushFrame(c, at: loc)
            defer { i.popFrame(c, frame) }
            var k = 0
            while k < arguments.count {
                frame.slots[k] = try arguments.with(k) { try $0.eval(i, f) }
                k += 1
            }
            return try i.runBody(c, frame, at: loc)
        }
        return try general(g.values[index], i, f)
    }

    @inline(never)
    private func general(_ function: Value, _ i: Interpreter, _ f: Frame) throws -> Value {
        let positional = try i.values(arguments, f)
        return try i.located(loc) { try i.call(function, positional: positional, named: [], at: loc) }
    }
}

/// One argument of a call with labels: `f(1, by: 2)`.
struct ArgumentNode {
    let label: String?
    let value: ExprNode
}

extension Interpreter {
    func evaluateArguments(_ args: [ArgumentNode], _ f: Frame) throws
        -> (positional: [Value], named: [(label: String, value: Value)]) {
        var positional: [Value] = []
        positional.reserveCapacity(args.count)
        var named: [(label: String, value: Value)] = []
        for a in args {
            let v = try a.value.eval(self, f)
            if let label = a.label { named.append((label, v)) } else { positional.append(v) }
        }
        return (positional, named)
    }
}

final class LabeledCallNode: ExprNode {
    let callee: ExprNode
    let arguments: [ArgumentNode]
    let loc: SourceLocation
    init(_ callee: ExprNode, _ arguments: [ArgumentNode], _ loc: SourceLocation) {
        self.callee = callee; self.arguments = arguments; self.loc = loc
        super.init(loc)
    }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let function = try callee.eval(i, f)
        let (positional, named) = try i.evaluateArguments(arguments, f)
        return try i.located(loc) { try i.call(function, positional: positional, named: named, at: loc) }
    }
}

/// `object.name(arguments)`, without building a bound method.
final class InvokeNode: ExprNode {
    let object: ExprNode
    let name: String
    let arguments: [ArgumentNode]
    let loc: SourceLocation
    init(_ object: ExprNode, _ name: String, _ arguments: [ArgumentNode], _ loc: SourceLocation) {
        self.object = object; self.name = name; self.arguments = arguments; self.loc = loc
        super.init(loc)
    }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let o = try object.eval(i, f)
        let (positional, named) = try i.evaluateArguments(arguments, f)
        return try i.located(loc) { try i.invoke(o, name, positional, named, loc) }
    }
}

final class MemberNode: ExprNode {
    let object: ExprNode
    let name: String
    let loc: SourceLocation
    init(_ object: ExprNode, _ name: String, _ loc: SourceLocation) {
        self.object = object; self.name = name; self.loc = loc
        super.init(loc)
    }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        try i.located(loc) { try i.member(try object.eval(i, f), name, loc) }
    }
}

final class IndexNode: ExprNode {
    let object: ExprNode
    let indices: ExprList
    let loc: SourceLocation
    init(_ object: ExprNode, _ indices: ExprList, _ loc: SourceLocation) {
        self.object = object; self.indices = indices; self.loc = loc
        super.init(loc)
    }
    override func eval(_ i: Interpreter, _ f: Frame) throws -> Value {
        let o = try object.eval(i, f)
        if indices.count == 1, case .list(let l) = o {
            let index = try indices.with(0) { try $0.eval(i, f) }
            if case .number(let n) = index, n >= 0, n < Double(l.items.count), n == n.rounded() {
                return l.items[Int(n)]
            }
            return try i.located(loc) { try i.subscriptGet(o, [index], loc) }
        }
        let values = try i.values(indices, f)
        return try i.located(loc) { try i.subscriptGet(o, values, loc) }
    }
}

// MARK: - Statements

final class ExpressionStmt: StmtNode {
    let expr: ExprNode
    init(_ expr: ExprNode) { self.expr = expr }
    override func exec(_ i: Interpreter, _ f: Frame) throws -> Flow {
        _ = try expr.eval(i, f)
        return .normal
    }
}

/// `let`/`var` of one local slot (not captured).
final class DeclareLocalStmt: StmtNode {
    let slot: Int
    let value: ExprNode
    init(_ slot: Int, _ value: ExprNode) { self.slot = slot; self.value = value }
    override func exec(_ i: Interpreter, _ f: Frame) throws -> Flow {
        f.slots[slot] = try value.eval(i, f)
        return .normal
    }
}

/// `let`/`var` with any other target: a captured local (a fresh cell), a global, or a pattern.
final class DeclareStmt: StmtNode {
    let pattern: Pattern
    let value: ExprNode
    let isConstant: Bool
    init(_ pattern: Pattern, _ value: ExprNode, isConstant: Bool) {
        self.pattern = pattern; self.value = value; self.isConstant = isConstant
    }
    override func exec(_ i: Interpreter, _ f: Frame) throws -> Flow {
        let v = try value.eval(i, f)
        if case .name(let variable) = pattern {
            i.bind(variable, v, f, declaring: true, isConstant: isConstant)
        } else {
            try i.bindPattern(pattern, v, f, isConstant: isConstant)
        }
        return .normal
    }
}

/// `x = v` and `x op= v` for a local slot.
final class AssignLocalStmt: StmtNode {
    let slot: Int
    let op: BinaryOperator?
    let value: ExprNode
    let loc: SourceLocation
    init(_ slot: Int, _ op: BinaryOperator?, _ value: ExprNode, _ loc: SourceLocation) {
        self.slot = slot; self.op = op; self.value = value; self.loc = loc
    }
    override func exec(_ i: Interpreter, _ f: Frame) throws -> Flow {
        let v = try value.eval(i, f)
        guard let op else {
            f.slots[slot] = v
            return .normal
        }
        f.slots[slot] = try i.compound(op, f.slots[slot], v, loc)
        return .normal
    }
}

/// `x = v` and `x op= v` for a global (`total += i` at the top level of a script).
final class AssignGlobalStmt: StmtNode {
    let index: Int
    let variable: Variable
    let op: BinaryOperator?
    let value: ExprNode
    let loc: SourceLocation
    init(_ index: Int, _ variable: Variable, _ op: BinaryOperator?, _ value: ExprNode, _ loc: SourceLocation) {
        self.index = index; self.variable = variable; self.op = op; self.value = value; self.loc = loc
    }
    override func exec(_ i: Interpreter, _ f: Frame) throws -> Flow {
        let v = try value.eval(i, f)
        let g = i.globals
        guard g.defined[index] else { throw i.undefined(variable) }
        if let op {
            let updated = try i.compound(op, g.values[index], v, loc)
            if g.constant[index] { throw i.assignedConstant(variable) }
            g.values[index] = updated
        } else {
            if g.constant[index] { throw i.assignedConstant(variable) }
            g.values[index] = v
        }
        return .normal
    }
}

/// `x = v` and `x op= v` for a cell or a captured variable.
final class AssignVariableStmt: StmtNode {
    let variable: Variable
    let op: BinaryOperator?
    let value: ExprNode
    let loc: SourceLocation
    init(_ variable: Variable, _ op: BinaryOperator?, _ value: ExprNode, _ loc: SourceLocation) {
        self.variable = variable; self.op = op; self.value = value; self.loc = loc
    }
    override func exec(_ i: Interpreter, _ f: Frame) throws -> Flow {
        var v = try value.eval(i, f)
        if let op { v = try i.compound(op, try i.read(variable, f), v, loc) }
        try i.assign(variable, v, f)
        return .normal
    }
}

final class AssignIndexStmt: StmtNode {
    let object: ExprNode
    let indices: ExprList
    let op: BinaryOperator?
    let value: ExprNode
    let indexLoc: SourceLocation
    let loc: SourceLocation
    init(_ object: ExprNode, _ indices: ExprList, _ op: BinaryOperator?, _ value: ExprNode,
         _ indexLoc: SourceLocation, _ loc: SourceLocation) {
        self.object = object; self.indices = indices; self.op = op; self.value = value
        self.indexLoc = indexLoc; self.loc = loc
    }
    override func exec(_ i: Interpreter, _ f: Frame) throws -> Flow {
        let o = try object.eval(i, f)
        let keys = try i.values(indices, f)
        var v = try value.eval(i, f)
        if let op { v = try i.binary(op, try i.subscriptGet(o, keys, indexLoc), v, loc) }
        try i.subscriptSet(o, keys, v, indexLoc)
        return .normal
    }
}

final class AssignMemberStmt: StmtNode {
    let object: ExprNode
    let name: String
    let op: BinaryOperator?
    let value: ExprNode
    let memberLoc: SourceLocation
    let loc: SourceLocation
    init(_ object: ExprNode, _ name: String, _ op: BinaryOperator?, _ value: ExprNode,
         _ memberLoc: SourceLocation, _ loc: SourceLocation) {
        self.object = object; self.name = name; self.op = op; self.value = value
        self.memberLoc = memberLoc; self.loc = loc
    }
    override func exec(_ i: Interpreter, _ f: Frame) throws -> Flow {
        let o = try object.eval(i, f)
        var v = try value.eval(i, f)
        if let op { v = try i.binary(op, try i.member(o, name, memberLoc), v, loc) }
        try i.setMember(o, name, v, memberLoc)
        return .normal
    }
}

final class FunctionStmt: StmtNode {
    let variable: Variable
    let decl: FunctionDecl
    let code: FunctionCode
    init(_ variable: Variable, _ decl: FunctionDecl, _ code: FunctionCode) {
        self.variable = variable; self.decl = decl; self.code = code
    }
    override func exec(_ i: Interpreter, _ f: Frame) throws -> Flow {
        if case .cell(let k) = variable.slot {
            // The function may call itself: its own cell must exist before it is captured.
            f.cells[k] = Cell(.null)
            f.cells[k].value = .closure(i.makeClosure(decl, code, f))
        } else {
            i.bind(variable, .closure(i.makeClosure(decl, code, f)), f, declaring: true)
        }
        return .normal
    }
}

final class BlockStmt: StmtNode {
    let body: StmtList
    init(_ body: StmtList) { self.body = body }
    override func exec(_ i: Interpreter, _ f: Frame) throws -> Flow { try i.run(body, f) }
}

final class IfStmt: StmtNode {
    let condition: ExprNode
    let then: StmtList
    let otherwise: StmtList?
    init(_ condition: ExprNode, _ then: StmtList, _ otherwise: StmtList?) {
        self.condition = condition; self.then = then; self.otherwise = otherwise
    }
    override func exec(_ i: Interpreter, _ f: Frame) throws -> Flow {
        if try i.truth(condition, f, "if") {
            return try i.run(then, f)
        } else if let otherwise {
            return try i.run(otherwise, f)
        }
        return .normal
    }
}

final class WhileStmt: StmtNode {
    let condition: ExprNode
    let body: StmtList
    let loc: SourceLocation
    init(_ condition: ExprNode, _ body: StmtList, _ loc: SourceLocation) {
        self.condition = condition; self.body = body; self.loc = loc
    }
    override func exec(_ i: Interpreter, _ f: Frame) throws -> Flow {
        while try i.truth(condition, f, "while") {
            if Interrupt.isRequested { try Interrupt.check(at: loc) }
            switch try i.run(body, f) {
            case .breakLoop: return .normal
            case .returned: return .returned
            case .normal, .continueLoop: continue
            }
        }
        return .normal
    }
}

final class ForInStmt: StmtNode {
    let pattern: Pattern
    let sequence: ExprNode
    let body: StmtList
    let loc: SourceLocation
    init(_ pattern: Pattern, _ sequence: ExprNode, _ body: StmtList, _ loc: SourceLocation) {
        self.pattern = pattern; self.sequence = sequence; self.body = body; self.loc = loc
    }
    override func exec(_ i: Interpreter, _ f: Frame) throws -> Flow {
        let seq = try sequence.eval(i, f)
        // A numeric range runs without building a list.
        if case .range(let r) = seq, let lo = r.lower, let hi = r.upper, case .name(let v) = pattern {
            var x = lo
            if case .local(let slot) = v.slot {
                while r.inclusive ? x <= hi : x < hi {
                    if Interrupt.isRequested { try Interrupt.check(at: loc) }
                    f.slots[slot] = .number(x)
                    switch try i.run(body, f) {
                    case .breakLoop: return .normal
                    case .returned: return .returned
                    case .normal, .continueLoop: break
                    }
                    x += 1
                }
                return .normal
            }
            while r.inclusive ? x <= hi : x < hi {
                if Interrupt.isRequested { try Interrupt.check(at: loc) }
                i.bind(v, .number(x), f, declaring: true, isConstant: true)
                switch try i.run(body, f) {
                case .breakLoop: return .normal
                case .returned: return .returned
                case .normal, .continueLoop: break
                }
                x += 1
            }
            return .normal
        }
        let items = try Iteration.items(of: seq, at: loc)
        for item in items {
            if Interrupt.isRequested { try Interrupt.check(at: loc) }
            if case .name(let v) = pattern {
                i.bind(v, item, f, declaring: true, isConstant: true)
            } else {
                try i.bindPattern(pattern, item, f, isConstant: true)
            }
            switch try i.run(body, f) {
            case .breakLoop: return .normal
            case .returned: return .returned
            case .normal, .continueLoop: continue
            }
        }
        return .normal
    }
}

final class BreakStmt: StmtNode {
    override func exec(_ i: Interpreter, _ f: Frame) throws -> Flow { .breakLoop }
}

final class ContinueStmt: StmtNode {
    override func exec(_ i: Interpreter, _ f: Frame) throws -> Flow { .continueLoop }
}

final class ReturnStmt: StmtNode {
    let value: ExprNode?
    init(_ value: ExprNode?) { self.value = value }
    override func exec(_ i: Interpreter, _ f: Frame) throws -> Flow {
        i.returnValue = try value?.eval(i, f) ?? .null
        return .returned
    }
}

final class TryStmt: StmtNode {
    let body: StmtList
    let binding: Pattern?
    let handler: StmtList
    init(_ body: StmtList, _ binding: Pattern?, _ handler: StmtList) {
        self.body = body; self.binding = binding; self.handler = handler
    }
    override func exec(_ i: Interpreter, _ f: Frame) throws -> Flow {
        let depth = i.callDepth
        do {
            return try i.run(body, f)
        } catch let error as ScriptError where error.kind == .runtime {
            i.callDepth = depth
            if let p = binding {
                try i.bindPattern(p, error.thrown ?? .string(error.message), f, isConstant: true)
            }
            return try i.run(handler, f)
        }
    }
}

final class ImportStmt: StmtNode {
    let path: String
    let loc: SourceLocation
    init(_ path: String, _ loc: SourceLocation) { self.path = path; self.loc = loc }
    override func exec(_ i: Interpreter, _ f: Frame) throws -> Flow {
        try i.importFile(path, at: loc)
        return .normal
    }
}

// MARK: - The compiler

/// Turns a resolved function (or script) into nodes: a one-to-one walk of the syntax tree that
/// picks the specialised node for each case (a local slot, a number operator, a positional call).
enum Compiler {
    static func function(_ decl: FunctionDecl) -> FunctionCode {
        FunctionCode(decl, defaults: decl.parameters.map { $0.defaultValue.map(expr) }, body: statements(decl.body))
    }

    static func statements(_ list: [Stmt]) -> StmtList { StmtList(list.map(statement)) }

    static func statement(_ s: Stmt) -> StmtNode {
        switch s {
        case .expression(let e):
            return ExpressionStmt(expr(e))
        case .declare(let pattern, let value, let isConstant, _):
            if case .name(let v) = pattern, case .local(let slot) = v.slot { return DeclareLocalStmt(slot, expr(value)) }
            return DeclareStmt(pattern, expr(value), isConstant: isConstant)
        case .assign(let target, let op, let value, let loc):
            switch target {
            case .variable(let v):
                if case .local(let slot) = v.slot { return AssignLocalStmt(slot, op, expr(value), loc) }
                if case .global(let index) = v.slot { return AssignGlobalStmt(index, v, op, expr(value), loc) }
                return AssignVariableStmt(v, op, expr(value), loc)
            case .index(let object, let indices, let l):
                return AssignIndexStmt(expr(object), ExprList(indices.map(expr)), op, expr(value), l, loc)
            case .member(let object, let name, let l):
                return AssignMemberStmt(expr(object), name, op, expr(value), l, loc)
            }
        case .function(let v, let decl):
            return FunctionStmt(v, decl, function(decl))
        case .block(let body):
            return BlockStmt(statements(body))
        case .ifElse(let c, let t, let e, _):
            return IfStmt(expr(c), statements(t), e.map(statements))
        case .whileLoop(let c, let body, let loc):
            return WhileStmt(expr(c), statements(body), loc)
        case .forIn(let pattern, let sequence, let body, let loc):
            return ForInStmt(pattern, expr(sequence), statements(body), loc)
        case .breakLoop:
            return BreakStmt()
        case .continueLoop:
            return ContinueStmt()
        case .returnValue(let e, _):
            return ReturnStmt(e.map(expr))
        case .tryCatch(let body, let binding, let handler, _):
            return TryStmt(statements(body), binding, statements(handler))
        case .importFile(let path, let loc):
            return ImportStmt(path, loc)
        }
    }

    static func expr(_ e: Expr) -> ExprNode {
        switch e {
        case .literal(let v):
            if case .number(let n) = v { return NumberNode(n) }
            return ConstantNode(v)
        case .variable(let v):
            switch v.slot {
            case .local(let slot): return LocalNode(slot, v.location)
            case .cell(let slot): return CellNode(slot, v.location)
            case .upvalue(let index): return UpvalueNode(index, v.location)
            case .global(let index): return GlobalNode(index, v)
            case .unresolved: preconditionFailure("unresolved variable '\(v.name)' reached the compiler")
            }
        case .interpolation(let parts):
            return InterpolationNode(ExprList(parts.map(expr)))
        case .list(let items, let loc):
            return ListNode(ExprList(items.map(expr)), loc)
        case .dict(let pairs, let loc):
            return DictNode(pairs.map { (key: expr($0.0), value: expr($0.1)) }, loc)
        case .unary(let op, let operand, let loc):
            return UnaryNode(op, expr(operand), loc)
        case .binary(let op, let l, let r, let loc):
            if op != .matmul, case .literal(.number(let k)) = r {
                if case .variable(let v) = l, case .local(let slot) = v.slot {
                    return LocalNumberNode(slot, op, k, loc, loc)
                }
                return NumberRightNode(expr(l), op, k, loc)
            }
            let (a, b) = (expr(l), expr(r))
            switch op {
            case .add: return AddNode(op, a, b, loc)
            case .subtract: return SubtractNode(op, a, b, loc)
            case .multiply: return MultiplyNode(op, a, b, loc)
            case .divide: return DivideNode(op, a, b, loc)
            case .less: return LessNode(op, a, b, loc)
            case .lessEqual: return LessEqualNode(op, a, b, loc)
            case .greater: return GreaterNode(op, a, b, loc)
            case .greaterEqual: return GreaterEqualNode(op, a, b, loc)
            case .equal: return EqualNode(op, a, b, loc)
            case .notEqual: return NotEqualNode(op, a, b, loc)
            case .remainder, .power, .matmul: return BinaryNode(op, a, b, loc)
            }
        case .logical(let isAnd, let l, let r, let loc):
            return LogicalNode(isAnd: isAnd, expr(l), expr(r), loc)
        case .coalesce(let l, let r):
            return CoalesceNode(expr(l), expr(r))
        case .ternary(let c, let t, let f, let loc):
            return TernaryNode(expr(c), expr(t), expr(f), loc)
        case .range(let lo, let hi, let inclusive, let loc):
            return RangeNode(lo.map(expr), hi.map(expr), inclusive: inclusive, loc)
        case .call(let callee, let args, let loc):
            if CallArgument.anyLabeled(args) {
                return LabeledCallNode(expr(callee), args.map { ArgumentNode(label: $0.label, value: expr($0.value)) }, loc)
            }
            let arguments = ExprList(args.map { expr($0.value) })
            if case .variable(let v) = callee, case .global(let index) = v.slot {
                return GlobalCallNode(index, v, arguments, loc)
            }
            return CallNode(expr(callee), arguments, loc)
        case .invoke(let object, let name, let args, let loc):
            return InvokeNode(expr(object), name, args.map { ArgumentNode(label: $0.label, value: expr($0.value)) }, loc)
        case .member(let object, let name, let loc):
            return MemberNode(expr(object), name, loc)
        case .index(let object, let indices, let loc):
            return IndexNode(expr(object), ExprList(indices.map(expr)), loc)
        case .function(let decl):
            return FunctionNode(decl, function(decl))
        }
    }
}
