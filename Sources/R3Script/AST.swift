import Foundation

/// Where a variable lives once the resolver has run.
enum VariableSlot: Equatable {
    /// Not yet resolved (parser output).
    case unresolved
    /// A slot of the current call frame, not captured by any closure.
    case local(Int)
    /// A captured local: the frame slot holds a cell shared with closures.
    case cell(Int)
    /// A variable of an enclosing function, captured by the running closure.
    case upvalue(Int)
    /// A top-level variable, by index in the interpreter's global table.
    case global(Int)
}

/// A reference to a variable: its name (for errors), its slot and where it appears. Every field is
/// a plain value, so evaluating a variable costs no reference counting.
struct Variable {
    let nameID: UInt32
    var slot: VariableSlot
    let location: SourceLocation

    init(name: String, slot: VariableSlot, location: SourceLocation) {
        self.nameID = Names.intern(name)
        self.slot = slot
        self.location = location
    }

    var name: String { Names.text(nameID) }
}

/// Interned identifier names.
enum Names {
    nonisolated(unsafe) private static var texts: [String] = []
    nonisolated(unsafe) private static var ids: [String: UInt32] = [:]
    private static let lock = NSLock()

    static func intern(_ name: String) -> UInt32 {
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[name] { return id }
        let id = UInt32(texts.count)
        texts.append(name)
        ids[name] = id
        return id
    }

    static func text(_ id: UInt32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return texts[Int(id)]
    }
}

/// One argument at a call site: `f(1, by: 2)`.
struct CallArgument {
    let label: String?
    let value: Expr

    @inline(__always)
    static func anyLabeled(_ args: [CallArgument]) -> Bool {
        for a in args where a.label != nil { return true }
        return false
    }
}

indirect enum Expr {
    case literal(Value)
    case variable(Variable)
    /// An interpolated string: its pieces, text literals and expressions.
    case interpolation([Expr])
    case list([Expr], SourceLocation)
    case dict([(Expr, Expr)], SourceLocation)
    case unary(UnaryOperator, Expr, SourceLocation)
    case binary(BinaryOperator, Expr, Expr, SourceLocation)
    /// `&&` (isAnd) and `||`: short-circuit.
    case logical(isAnd: Bool, Expr, Expr, SourceLocation)
    case coalesce(Expr, Expr)
    case ternary(Expr, Expr, Expr, SourceLocation)
    case range(Expr?, Expr?, inclusive: Bool, SourceLocation)
    case call(Expr, [CallArgument], SourceLocation)
    /// A method call `object.name(args)`, evaluated without building a bound method.
    case invoke(Expr, String, [CallArgument], SourceLocation)
    case member(Expr, String, SourceLocation)
    case index(Expr, [Expr], SourceLocation)
    case function(FunctionDecl)

    var location: SourceLocation? {
        switch self {
        case .literal, .interpolation: return nil
        case .variable(let v): return v.location
        case .list(_, let l), .dict(_, let l), .unary(_, _, let l), .binary(_, _, _, let l),
             .logical(_, _, _, let l), .ternary(_, _, _, let l), .range(_, _, _, let l),
             .call(_, _, let l), .invoke(_, _, _, let l), .member(_, _, let l), .index(_, _, let l):
            return l
        case .coalesce(let a, _): return a.location
        case .function(let f): return f.location
        }
    }
}

/// A binding pattern: `x`, `[a, b]`, `(a, b)` or `_`.
indirect enum Pattern {
    case name(Variable)
    case list([Pattern], SourceLocation)
    case wildcard
}

/// What an assignment writes to.
enum AssignTarget {
    case variable(Variable)
    case index(Expr, [Expr], SourceLocation)
    case member(Expr, String, SourceLocation)
}

indirect enum Stmt {
    case expression(Expr)
    /// `let`/`var` with a pattern.
    case declare(Pattern, Expr, isConstant: Bool, SourceLocation)
    /// `target = value` or `target op= value`.
    case assign(AssignTarget, BinaryOperator?, Expr, SourceLocation)
    case function(Variable, FunctionDecl)
    case block([Stmt])
    case ifElse(Expr, [Stmt], [Stmt]?, SourceLocation)
    case whileLoop(Expr, [Stmt], SourceLocation)
    case forIn(Pattern, Expr, [Stmt], SourceLocation)
    case breakLoop(SourceLocation)
    case continueLoop(SourceLocation)
    case returnValue(Expr?, SourceLocation)
    case tryCatch([Stmt], Pattern?, [Stmt], SourceLocation)
    case importFile(String, SourceLocation)
}

/// One parameter of a script function: `v` or `by = 2`.
struct FunctionParameter {
    var variable: Variable
    let defaultValue: Expr?
}

/// A function literal or declaration. The parser fills the syntax; the resolver fills the frame
/// layout (slot counts, which slots are cells) and what the closure captures.
final class FunctionDecl {
    let name: String
    var parameters: [FunctionParameter]
    var body: [Stmt]
    let location: SourceLocation
    /// Number of frame slots (parameters and locals).
    var slotCount = 0
    /// Slots that hold cells (captured variables), created fresh when the declaration runs.
    var cellSlots: [Int] = []
    /// For each captured variable: whether it comes from the enclosing frame's slot (true) or the
    /// enclosing closure's own captures (false), and its index there.
    var captures: [(fromEnclosingFrame: Bool, index: Int)] = []
    /// The parameter list as the binder sees it.
    var signature: [Parameter] {
        parameters.map { Parameter(name: $0.variable.name, hasDefault: $0.defaultValue != nil, variadic: false) }
    }
    /// True when every parameter is a plain local without a default: calls take the fast path.
    var isSimple = false
    /// `parameters.count`, kept as a plain field for the call fast path.
    var parameterCount = 0

    init(name: String, parameters: [FunctionParameter], body: [Stmt], location: SourceLocation) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.location = location
    }
}
