import Foundation

/// A call frame: the slots of one running function on the interpreter's value stack, the cells
/// of its captured locals on the cell stack, and the closure it runs (for its captures).
struct Frame {
    let slots: UnsafeMutablePointer<Value>
    let cells: UnsafeMutablePointer<Cell>
    unowned(unsafe) let closure: Closure?
}

/// How a statement finished.
enum Flow { case normal, breakLoop, continueLoop, returned }

/// The tree-walking interpreter: runs resolved programs, calls functions, and keeps the session's
/// globals. Domain code reaches it only through builtins and `NativeObject`s (see R3Runtime).
public final class Interpreter {
    public let globals = Globals()
    /// Where `print` writes; notebooks and tests replace it to capture output.
    public var output: (String) -> Void = { text in
        fputs(text, stdout)
    }
    /// The deepest call nesting before "stack overflow".
    public var maxCallDepth = 20_000
    /// Documentation of every builtin, by the name `:help` takes (`zeros`, `list.append`).
    public private(set) var help: [String: Builtin] = [:]

    var callDepth = 0
    var returnValue: Value = .null

    /// Frames live on one value stack (no allocation per call); cells on a parallel stack.
    static let stackCapacity = 1 << 20
    private let valueStack = UnsafeMutablePointer<Value>.allocate(capacity: Interpreter.stackCapacity)
    private var valueTop = 0
    /// Slots below this are initialized: nil when no frame uses them, so a call reuses them without
    /// initializing, and a return resets only its own slots.
    private var valueInitialized = 0
    private let cellStack = UnsafeMutablePointer<Cell>.allocate(capacity: Interpreter.stackCapacity / 4)
    private var cellTop = 0
    nonisolated(unsafe) static let unsetCell = Cell(.null)
    private var stackLimit: UInt = 0
    private var importing: [String] = []
    private var imported: Set<String> = []
    private var builtinGlobals: [String: Value] = [:]

    public init() {
        CoreLibrary.install(into: self)
    }

    deinit {
        valueStack.deinitialize(count: valueInitialized)
        valueStack.deallocate()
        cellStack.deinitialize(count: cellTop)
        cellStack.deallocate()
    }

    /// Reserves a frame for a closure's function on the stacks.
    @inline(__always)
    func pushFrame(_ c: Closure, at loc: SourceLocation?) throws -> Frame {
        try pushFrame(slotCount: c.slotCount, hasCells: c.hasCells, c, at: loc)
    }

    @inline(__always)
    func popFrame(_ c: Closure, _ frame: Frame) { popFrame(slotCount: c.slotCount, hasCells: c.hasCells, frame) }

    /// Reserves a frame of `slotCount` slots on the stacks.
    @inline(__always)
    func pushFrame(slotCount n: Int, hasCells: Bool, _ closure: Closure?, at loc: SourceLocation? = nil) throws -> Frame {
        let cellCount = hasCells ? n : 0
        guard valueTop + n <= Interpreter.stackCapacity, cellTop + cellCount <= Interpreter.stackCapacity / 4 else {
            throw stackFull(at: loc)
        }
        let slots = valueStack + valueTop
        valueTop += n
        if valueTop > valueInitialized {
            (valueStack + valueInitialized).initialize(repeating: .null, count: valueTop - valueInitialized)
            valueInitialized = valueTop
        }
        let cells = cellStack + cellTop
        if cellCount > 0 {
            cells.initialize(repeating: Interpreter.unsetCell, count: cellCount)
            cellTop += cellCount
        }
        return Frame(slots: slots, cells: cells, closure: closure)
    }

    /// Releases the frame on top of the stacks.
    @inline(__always)
    func popFrame(slotCount n: Int, hasCells: Bool, _ frame: Frame) {
        var k = 0
        while k < n {
            frame.slots[k] = .null
            k += 1
        }
        valueTop -= n
        if hasCells {
            frame.cells.deinitialize(count: n)
            cellTop -= n
        }
    }

    // MARK: - Defining builtins

    /// Defines a global function.
    public func define(_ builtin: Builtin) {
        globals.set(builtin.name, .builtin(builtin))
        builtinGlobals[builtin.name] = .builtin(builtin)
        help[builtin.name] = builtin
    }

    /// Defines a global value (a namespace, a constant); namespace members become help topics.
    public func define(_ name: String, _ value: Value) {
        globals.set(name, value)
        builtinGlobals[name] = value
        if case .native(let ns as Namespace) = value {
            for b in ns.builtins { help[b.name] = b }
        }
    }

    /// Registers methods for `:help` (`list.append`, `Tensor.sum`).
    public func registerHelp(_ methods: [Builtin]) {
        for m in methods { help[m.name] = m }
    }

    /// Forgets everything the user defined; builtins stay.
    public func reset() {
        globals.reset(keeping: builtinGlobals)
        imported.removeAll()
    }

    // MARK: - Running code

    /// Whether the text stops inside an open bracket or string: the REPL then reads another line.
    public static func needsMoreInput(_ text: String) -> Bool { Parser.needsMoreInput(text) }

    /// Parses, resolves and runs a source. Returns the value of the last statement when it is an
    /// expression (the REPL echoes it), else nil.
    @discardableResult
    public func run(_ source: SourceFile) throws -> Value? {
        let program = try Parser.parse(source)
        let script = try Resolver.resolve(program, globals: globals, location: SourceLocation(file: source, offset: 0))
        return try execute(script: script)
    }

    /// Runs a file by path (`r3 FILE`, `:load`); it counts as imported.
    @discardableResult
    public func runFile(_ path: String) throws -> Value? {
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        let source = try SourceFile.load(path: full, name: Interpreter.displayPath(full))
        imported.insert(full)
        importing.append(full)
        defer { importing.removeLast() }
        return try run(source)
    }

    private func execute(script: FunctionDecl) throws -> Value? {
        if stackLimit == 0 { stackLimit = StackGuard.limit() }
        // The value of a final expression is the result (the REPL echoes it).
        var statements = script.body
        var last: ExprNode?
        if case .expression(let e)? = statements.last {
            last = Compiler.expr(e)
            statements.removeLast()
        }
        let body = Compiler.statements(statements)
        let hasCells = !script.cellSlots.isEmpty
        let frame = try pushFrame(slotCount: script.slotCount, hasCells: hasCells, nil)
        defer { popFrame(slotCount: script.slotCount, hasCells: hasCells, frame) }
        do {
            switch try run(body, frame) {
            case .returned, .breakLoop, .continueLoop: return nil
            case .normal: break
            }
            guard let e = last else { return nil }
            return try e.eval(self, frame)
        } catch var e as ScriptError {
            callDepth = 0
            if e.kind == .interrupt { Interrupt.clear() }
            e.stack = e.stack.filter { $0.function != "<script>" }
            throw e
        }
    }

    /// Calls a function value from Swift (builtins such as `map` call back into scripts this way).
    public func call(_ function: Value, _ arguments: [Value], named: [(label: String, value: Value)] = []) throws -> Value {
        try call(function, positional: arguments, named: named, at: nil)
    }

    // MARK: - Imports

    func importFile(_ path: String, at loc: SourceLocation) throws {
        let base = loc.file.path.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let full = URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL.path
        if let i = importing.firstIndex(of: full) {
            let cycle = (importing[i...] + [full]).map(Interpreter.displayPath)
            throw ScriptError("import cycle: \(cycle.joined(separator: " -> "))", at: loc)
        }
        if imported.contains(full) { return }
        guard FileManager.default.fileExists(atPath: full) else {
            throw ScriptError("cannot import '\(path)': no such file (looked for \(full))", at: loc)
        }
        let source = try SourceFile.load(path: full, name: Interpreter.displayPath(full))
        importing.append(full)
        defer { importing.removeLast() }
        do {
            try run(source)
        } catch var e as ScriptError where e.kind != .interrupt {
            e.addFrame(StackEntry(function: "import \"\(path)\"", location: loc))
            throw e
        }
        imported.insert(full)
    }

    /// How errors name an imported file: its path from the working directory when it lies under
    /// it (as the user typed the main script's), else the absolute path, so the file can be opened.
    static func displayPath(_ full: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
    }

    // MARK: - Calls

    @inline(__always)
    func enterCall() throws {
        callDepth += 1
        if callDepth > maxCallDepth || (stackLimit != 0 && StackGuard.currentAddress() < stackLimit) {
            throw stackOverflow()
        }
        if Interrupt.isRequested { try interrupted() }
    }

    @inline(never)
    func interrupted() throws { try Interrupt.check() }

    // The error paths of calls stay out of line, so the call fast path keeps a small frame.
    @inline(never)
    func stackOverflow() -> ScriptError {
        ScriptError("stack overflow: more than \(callDepth - 1) nested calls (is a recursion missing its base case?)")
    }

    @inline(never)
    func stackFull(at loc: SourceLocation?) -> ScriptError {
        ScriptError("stack overflow: the call stack is full (\(callDepth) nested calls)", at: loc)
    }

    /// An error leaving a call of `c` made at `loc`: it gets the call site as its location when it
    /// has none, and the call as a stack entry.
    @inline(never)
    func leavingCall(_ error: Error, _ c: Closure, at loc: SourceLocation?) -> Error {
        guard var e = error as? ScriptError else { return error }
        if e.location == nil { e.location = loc }
        if e.kind != .interrupt { e.addFrame(StackEntry(function: c.name, location: loc)) }
        return e
    }

    func call(_ callee: Value, positional: [Value], named: [(label: String, value: Value)],
              at loc: SourceLocation?) throws -> Value {
        switch callee {
        case .closure(let c):
            return try callClosure(c, positional: positional, named: named, at: loc)
        case .builtin(let b):
            return try b.call(receiver: .null, positional: positional, named: named, interpreter: self)
        case .bound(let m):
            return try m.method.call(receiver: m.receiver, positional: positional, named: named, interpreter: self)
        case .native(let o) where o.isCallable:
            return try o.call(positional, named: named, interpreter: self)
        default:
            throw ScriptError("cannot call a \(callee.typeName): it is not a function", at: loc)
        }
    }

    func callClosure(_ c: Closure, positional: [Value], named: [(label: String, value: Value)],
                     at loc: SourceLocation?) throws -> Value {
        let code = c.code
        let frame = try pushFrame(c, at: loc)
        defer { popFrame(c, frame) }
        if c.isSimple && named.isEmpty && positional.count == c.parameterCount {
            for i in 0..<positional.count { frame.slots[i] = positional[i] }
        } else {
            let slots = try ArgumentBinder.bind(function: code.name, parameters: code.signature,
                                                positional: positional, named: named)
            // Defaults may call functions, this one too (`fn r(n, d = r(n + 1))`): they count as
            // nested calls, so endless recursion through them is a stack overflow error too.
            try enterCall()
            defer { callDepth -= 1 }
            for (i, p) in code.parameters.enumerated() {
                let value = try slots[i] ?? code.defaults[i]!.eval(self, frame)
                bind(p, value, frame, declaring: true)
            }
        }
        return try runBody(c, frame, at: loc)
    }

    /// Runs a function body in its prepared frame (which the caller pops), keeping the call stack
    /// for errors.
    @inline(__always)
    func runBody(_ c: Closure, _ frame: Frame, at loc: SourceLocation?) throws -> Value {
        try enterCall()
        defer { callDepth -= 1 }
        do {
            if try run(c.body, frame) == .returned {
                let v = returnValue
                returnValue = .null
                return v
            }
            return .null
        } catch {
            throw leavingCall(error, c, at: loc)
        }
    }

    // MARK: - Variables

    @inline(__always)
    func read(_ v: Variable, _ frame: Frame) throws -> Value {
        switch v.slot {
        case .local(let i): return frame.slots[i]
        case .cell(let i): return frame.cells[i].value
        case .upvalue(let i): return frame.closure!.captures[i].value
        case .global(let i):
            if globals.defined[i] { return globals.values[i] }
            throw undefined(v)
        case .unresolved:
            throw ScriptError("internal error: unresolved variable '\(v.name)'", at: v.location)
        }
    }

    @inline(never)
    func undefined(_ v: Variable) -> ScriptError {
        var message = "undefined variable '\(v.name)'"
        if let guess = Spelling.suggest(v.name, among: globals.definedNames) { message += " (did you mean '\(guess)'?)" }
        return ScriptError(message, at: v.location)
    }

    /// Stores into a variable; `declaring` creates a fresh cell for captured variables, so each loop
    /// iteration's closures see their own copy.
    @inline(__always)
    func bind(_ v: Variable, _ value: Value, _ frame: Frame, declaring: Bool, isConstant: Bool = false) {
        switch v.slot {
        case .local(let i): frame.slots[i] = value
        case .cell(let i):
            if declaring { frame.cells[i] = Cell(value) } else { frame.cells[i].value = value }
        case .upvalue(let i): frame.closure!.captures[i].value = value
        case .global(let i):
            if declaring { globals.define(i, value, isConstant: isConstant) } else { globals.values[i] = value }
        case .unresolved: break
        }
    }

    /// `a op b` for a compound assignment (`x += 1`), numbers first.
    @inline(__always)
    func compound(_ op: BinaryOperator, _ a: Value, _ b: Value, _ loc: SourceLocation) throws -> Value {
        if case .number(let x) = a, case .number(let y) = b {
            switch op {
            case .add: return .number(x + y)
            case .subtract: return .number(x - y)
            case .multiply: return .number(x * y)
            case .divide: return .number(x / y)
            default: break
            }
        }
        return try binary(op, a, b, loc)
    }

    func assignedConstant(_ v: Variable) -> ScriptError {
        ScriptError("cannot assign to '\(v.name)': it is a 'let' constant (declare it with 'var' to change it)", at: v.location)
    }

    func assign(_ v: Variable, _ value: Value, _ frame: Frame) throws {
        if case .global(let i) = v.slot {
            guard globals.defined[i] else { throw undefined(v) }
            if globals.constant[i] { throw assignedConstant(v) }
        }
        bind(v, value, frame, declaring: false)
    }

    func bindPattern(_ p: Pattern, _ value: Value, _ frame: Frame, isConstant: Bool) throws {
        switch p {
        case .name(let v): bind(v, value, frame, declaring: true, isConstant: isConstant)
        case .wildcard: break
        case .list(let items, let loc):
            let values: [Value]
            switch value {
            case .list(let l): values = l.items
            case .range(let r) where r.lower != nil && r.upper != nil: values = Iteration.rangeItems(r)
            default:
                throw ScriptError("cannot destructure a \(value.typeName) into \(items.count) names: it is not a list", at: loc)
            }
            guard values.count == items.count else {
                throw ScriptError("cannot destructure a list of \(values.count) item\(values.count == 1 ? "" : "s") into \(items.count) names", at: loc)
            }
            for (p, v) in zip(items, values) { try bindPattern(p, v, frame, isConstant: isConstant) }
        }
    }

    /// Builds a closure for a function literal, capturing the cells it uses.
    func makeClosure(_ decl: FunctionDecl, _ code: FunctionCode, _ frame: Frame) -> Closure {
        var captured = ContiguousArray<Cell>()
        captured.reserveCapacity(decl.captures.count)
        for c in decl.captures {
            captured.append(c.fromEnclosingFrame ? frame.cells[c.index] : frame.closure!.captures[c.index])
        }
        return Closure(code: code, captures: captured)
    }

    // MARK: - Running on a large stack

    /// Runs `body` on a thread with a large stack (deep recursion in scripts stays a clean error),
    /// and waits for it.
    public static func runOnLargeStack(bytes: Int = 1 << 30, _ body: @escaping () -> Void) {
        final class Box { let body: () -> Void; init(_ b: @escaping () -> Void) { body = b } }
        var attr = pthread_attr_t()
        pthread_attr_init(&attr)
        pthread_attr_setstacksize(&attr, bytes)
        StackGuard.threadStackSize = bytes
        var thread = pthread_t()
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        let rc = pthread_create(&thread, &attr, { raw in
            let b = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
            b.body()
            return nil
        }, box)
        pthread_attr_destroy(&attr)
        if rc != 0 {
            Unmanaged<Box>.fromOpaque(box).takeRetainedValue().body()
            return
        }
        pthread_join(thread, nil)
    }
}
