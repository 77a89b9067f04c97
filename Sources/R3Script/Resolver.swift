/// The resolver pass: fixes where every variable lives. Locals get frame slots; locals that a
/// nested function uses become cells; names from enclosing functions become captures; the rest
/// are globals. It also reports, with locations, what can be known before running: assignment to
/// a `let`, `break` outside a loop, `return` outside a function.
struct Resolver {
    private struct Binding {
        let slot: Int
        let isCell: Bool
        let isConstant: Bool
    }

    private final class FunctionScope {
        let parent: FunctionScope?
        let decl: FunctionDecl?
        var blocks: [[String: Binding]] = [[:]]
        var slotCount = 0
        var cellSlots: [Int] = []
        var captures: [(name: String, fromEnclosingFrame: Bool, index: Int, isConstant: Bool)] = []
        /// Names that appear inside nested functions: locals with these names live in cells.
        let capturedNames: Set<String>
        var loopDepth = 0

        init(parent: FunctionScope?, decl: FunctionDecl?, capturedNames: Set<String>) {
            self.parent = parent
            self.decl = decl
            self.capturedNames = capturedNames
        }

        var isScriptTopLevel: Bool { decl == nil && blocks.count == 1 }
    }

    private let globals: Globals
    private var scope: FunctionScope
    private var errors: [ScriptError] = []

    private init(globals: Globals, program: [Stmt]) {
        self.globals = globals
        self.scope = FunctionScope(parent: nil, decl: nil, capturedNames: NameCollector.namesInNestedFunctions(program))
    }

    /// Resolves a program into the body of a script function.
    static func resolve(_ program: [Stmt], globals: Globals, location: SourceLocation) throws -> FunctionDecl {
        var resolver = Resolver(globals: globals, program: program)
        let body = resolver.statements(program)
        if var first = resolver.errors.first {
            first.more = Array(resolver.errors.dropFirst())
            throw first
        }
        let script = FunctionDecl(name: "<script>", parameters: [], body: body, location: location)
        script.slotCount = resolver.scope.slotCount
        script.cellSlots = resolver.scope.cellSlots
        return script
    }

    private mutating func error(_ message: String, at loc: SourceLocation) {
        errors.append(ScriptError(message, kind: .syntax, at: loc))
    }

    // MARK: - Scopes

    private mutating func declare(_ v: Variable, isConstant: Bool) -> Variable {
        var v = v
        if scope.isScriptTopLevel {
            v.slot = .global(globals.index(for: v.name))
            return v
        }
        let slot = scope.slotCount
        scope.slotCount += 1
        let isCell = scope.capturedNames.contains(v.name)
        if isCell { scope.cellSlots.append(slot) }
        scope.blocks[scope.blocks.count - 1][v.name] = Binding(slot: slot, isCell: isCell, isConstant: isConstant)
        v.slot = isCell ? .cell(slot) : .local(slot)
        return v
    }

    private func lookupLocal(_ name: String, in s: FunctionScope) -> Binding? {
        for block in s.blocks.reversed() { if let b = block[name] { return b } }
        return nil
    }

    /// Finds a variable of an enclosing function and threads it through every closure in between.
    private func captureIndex(_ name: String, in s: FunctionScope) -> (index: Int, isConstant: Bool)? {
        if let i = s.captures.firstIndex(where: { $0.name == name }) { return (i, s.captures[i].isConstant) }
        guard let parent = s.parent else { return nil }
        if let b = lookupLocal(name, in: parent), b.isCell {
            s.captures.append((name, true, b.slot, b.isConstant))
            return (s.captures.count - 1, b.isConstant)
        }
        if lookupLocal(name, in: parent) != nil { return nil }
        guard let outer = captureIndex(name, in: parent) else { return nil }
        s.captures.append((name, false, outer.index, outer.isConstant))
        return (s.captures.count - 1, outer.isConstant)
    }

    /// Resolves a use of a name; `assigning` checks that it is not a constant.
    private mutating func use(_ v: Variable, assigning: Bool = false) -> Variable {
        var v = v
        var constant = false
        if let b = lookupLocal(v.name, in: scope) {
            v.slot = b.isCell ? .cell(b.slot) : .local(b.slot)
            constant = b.isConstant
        } else if let c = captureIndex(v.name, in: scope) {
            v.slot = .upvalue(c.index)
            constant = c.isConstant
        } else {
            v.slot = .global(globals.index(for: v.name))
        }
        if assigning && constant {
            error("cannot assign to '\(v.name)': it is a 'let' constant (declare it with 'var' to change it)", at: v.location)
        }
        return v
    }

    private mutating func inBlock<T>(_ body: (inout Resolver) -> T) -> T {
        scope.blocks.append([:])
        defer { scope.blocks.removeLast() }
        return body(&self)
    }

    // MARK: - Statements

    private mutating func statements(_ list: [Stmt]) -> [Stmt] { list.map { statement($0) } }

    private mutating func block(_ list: [Stmt]) -> [Stmt] { inBlock { $0.statements(list) } }

    private mutating func statement(_ s: Stmt) -> Stmt {
        switch s {
        case .expression(let e):
            return .expression(expr(e))
        case .declare(let p, let value, let isConstant, let loc):
            let v = expr(value)  // the value sees the outer binding: `let x = x + 1`
            return .declare(declarePattern(p, isConstant: isConstant), v, isConstant: isConstant, loc)
        case .assign(let target, let op, let value, let loc):
            let v = expr(value)
            switch target {
            case .variable(let variable):
                return .assign(.variable(use(variable, assigning: true)), op, v, loc)
            case .index(let object, let indices, let l):
                return .assign(.index(expr(object), indices.map { expr($0) }, l), op, v, loc)
            case .member(let object, let name, let l):
                return .assign(.member(expr(object), name, l), op, v, loc)
            }
        case .function(let name, let decl):
            let target = declare(name, isConstant: true)  // declared first, so it can call itself
            return .function(target, function(decl))
        case .block(let body):
            return .block(block(body))
        case .ifElse(let c, let t, let e, let loc):
            return .ifElse(expr(c), block(t), e.map { block($0) }, loc)
        case .whileLoop(let c, let body, let loc):
            let condition = expr(c)
            scope.loopDepth += 1
            defer { scope.loopDepth -= 1 }
            return .whileLoop(condition, block(body), loc)
        case .forIn(let p, let sequence, let body, let loc):
            let seq = expr(sequence)
            scope.loopDepth += 1
            defer { scope.loopDepth -= 1 }
            return inBlock { r in
                let pattern = r.declarePattern(p, isConstant: true)
                return .forIn(pattern, seq, r.statements(body), loc)
            }
        case .breakLoop(let loc):
            if scope.loopDepth == 0 { error("'break' outside a loop", at: loc) }
            return s
        case .continueLoop(let loc):
            if scope.loopDepth == 0 { error("'continue' outside a loop", at: loc) }
            return s
        case .returnValue(let e, let loc):
            if scope.decl == nil { error("'return' outside a function", at: loc) }
            return .returnValue(e.map { expr($0) }, loc)
        case .tryCatch(let body, let binding, let handler, let loc):
            let b = block(body)
            return inBlock { r in
                let p = binding.map { r.declarePattern($0, isConstant: true) }
                return .tryCatch(b, p, r.statements(handler), loc)
            }
        case .importFile:
            if !scope.isScriptTopLevel, case .importFile(_, let loc) = s {
                error("'import' is only allowed at the top level of a file", at: loc)
            }
            return s
        }
    }

    private mutating func declarePattern(_ p: Pattern, isConstant: Bool) -> Pattern {
        switch p {
        case .name(let v): return .name(declare(v, isConstant: isConstant))
        case .list(let items, let loc): return .list(items.map { declarePattern($0, isConstant: isConstant) }, loc)
        case .wildcard: return .wildcard
        }
    }

    // MARK: - Functions

    private mutating func function(_ decl: FunctionDecl) -> FunctionDecl {
        let enclosingLoop = scope.loopDepth
        let inner = FunctionScope(parent: scope, decl: decl,
                                  capturedNames: NameCollector.namesInNestedFunctions(decl.body)
                                    .union(NameCollector.namesInDefaults(decl)))
        let outer = scope
        scope = inner
        defer { scope = outer; scope.loopDepth = enclosingLoop }
        var parameters: [FunctionParameter] = []
        for p in decl.parameters {
            // Defaults are evaluated in the callee's frame, after the parameters before them.
            let defaultValue = p.defaultValue.map { expr($0) }
            parameters.append(FunctionParameter(variable: declare(p.variable, isConstant: false), defaultValue: defaultValue))
        }
        let body = statements(Resolver.implicitReturn(decl.body, at: decl.location))
        let resolved = FunctionDecl(name: decl.name, parameters: parameters, body: body, location: decl.location)
        resolved.slotCount = inner.slotCount
        resolved.cellSlots = inner.cellSlots
        resolved.captures = inner.captures.map { ($0.fromEnclosingFrame, $0.index) }
        resolved.parameterCount = parameters.count
        resolved.isSimple = parameters.allSatisfy {
            if case .local = $0.variable.slot { return $0.defaultValue == nil }
            return false
        }
        return resolved
    }

    /// The last expression of a function body is its result: `fn scale(v, by = 2) { v * by }`.
    static func implicitReturn(_ body: [Stmt], at location: SourceLocation) -> [Stmt] {
        guard let last = body.last else { return body }
        var result = body
        switch last {
        case .expression(let e):
            result[result.count - 1] = .returnValue(e, e.location ?? location)
        case .ifElse(let c, let t, let e?, let loc):
            result[result.count - 1] = .ifElse(c, implicitReturn(t, at: loc), implicitReturn(e, at: loc), loc)
        default:
            break
        }
        return result
    }

    // MARK: - Expressions

    private mutating func expr(_ e: Expr) -> Expr {
        switch e {
        case .literal: return e
        case .variable(let v): return .variable(use(v))
        case .interpolation(let parts): return .interpolation(parts.map { expr($0) })
        case .list(let items, let loc): return .list(items.map { expr($0) }, loc)
        case .dict(let pairs, let loc): return .dict(pairs.map { (expr($0.0), expr($0.1)) }, loc)
        case .unary(let op, let operand, let loc): return .unary(op, expr(operand), loc)
        case .binary(let op, let l, let r, let loc): return .binary(op, expr(l), expr(r), loc)
        case .logical(let isAnd, let l, let r, let loc): return .logical(isAnd: isAnd, expr(l), expr(r), loc)
        case .coalesce(let l, let r): return .coalesce(expr(l), expr(r))
        case .ternary(let c, let t, let f, let loc): return .ternary(expr(c), expr(t), expr(f), loc)
        case .range(let lo, let hi, let inclusive, let loc):
            return .range(lo.map { expr($0) }, hi.map { expr($0) }, inclusive: inclusive, loc)
        case .call(let callee, let args, let loc): return .call(expr(callee), arguments(args), loc)
        case .invoke(let object, let name, let args, let loc): return .invoke(expr(object), name, arguments(args), loc)
        case .member(let object, let name, let loc): return .member(expr(object), name, loc)
        case .index(let object, let indices, let loc): return .index(expr(object), indices.map { expr($0) }, loc)
        case .function(let decl): return .function(function(decl))
        }
    }

    private mutating func arguments(_ args: [CallArgument]) -> [CallArgument] {
        args.map { CallArgument(label: $0.label, value: expr($0.value)) }
    }
}

/// Collects the names used inside nested function literals: an over-approximation of the
/// variables closures capture (a nested function's own locals are included, which only costs a cell).
enum NameCollector {
    static func namesInNestedFunctions(_ body: [Stmt]) -> Set<String> {
        var names = Set<String>()
        for s in body { visit(s, inFunction: false, into: &names) }
        return names
    }

    static func namesInDefaults(_ decl: FunctionDecl) -> Set<String> {
        var names = Set<String>()
        for p in decl.parameters { if let d = p.defaultValue { visit(d, false, &names) } }
        return names
    }

    private static func visit(_ s: Stmt, inFunction: Bool, into names: inout Set<String>) {
        switch s {
        case .expression(let e): visit(e, inFunction, &names)
        case .declare(let p, let v, _, _): visit(p, inFunction, &names); visit(v, inFunction, &names)
        case .assign(let target, _, let v, _):
            switch target {
            case .variable(let variable): if inFunction { names.insert(variable.name) }
            case .index(let o, let i, _): visit(o, inFunction, &names); i.forEach { visit($0, inFunction, &names) }
            case .member(let o, _, _): visit(o, inFunction, &names)
            }
            visit(v, inFunction, &names)
        case .function(let v, let decl):
            if inFunction { names.insert(v.name) }
            visitFunction(decl, &names)
        case .block(let b): b.forEach { visit($0, inFunction: inFunction, into: &names) }
        case .ifElse(let c, let t, let e, _):
            visit(c, inFunction, &names)
            t.forEach { visit($0, inFunction: inFunction, into: &names) }
            e?.forEach { visit($0, inFunction: inFunction, into: &names) }
        case .whileLoop(let c, let b, _):
            visit(c, inFunction, &names); b.forEach { visit($0, inFunction: inFunction, into: &names) }
        case .forIn(let p, let seq, let b, _):
            visit(p, inFunction, &names); visit(seq, inFunction, &names)
            b.forEach { visit($0, inFunction: inFunction, into: &names) }
        case .returnValue(let e, _): if let e { visit(e, inFunction, &names) }
        case .tryCatch(let b, let p, let h, _):
            b.forEach { visit($0, inFunction: inFunction, into: &names) }
            if let p { visit(p, inFunction, &names) }
            h.forEach { visit($0, inFunction: inFunction, into: &names) }
        case .breakLoop, .continueLoop, .importFile: break
        }
    }

    private static func visitFunction(_ decl: FunctionDecl, _ names: inout Set<String>) {
        for p in decl.parameters {
            names.insert(p.variable.name)
            if let d = p.defaultValue { visit(d, true, &names) }
        }
        decl.body.forEach { visit($0, inFunction: true, into: &names) }
    }

    private static func visit(_ p: Pattern, _ inFunction: Bool, _ names: inout Set<String>) {
        switch p {
        case .name(let v): if inFunction { names.insert(v.name) }
        case .list(let items, _): items.forEach { visit($0, inFunction, &names) }
        case .wildcard: break
        }
    }

    private static func visit(_ e: Expr, _ inFunction: Bool, _ names: inout Set<String>) {
        switch e {
        case .literal: break
        case .variable(let v): if inFunction { names.insert(v.name) }
        case .interpolation(let parts): parts.forEach { visit($0, inFunction, &names) }
        case .list(let items, _): items.forEach { visit($0, inFunction, &names) }
        case .dict(let pairs, _): pairs.forEach { visit($0.0, inFunction, &names); visit($0.1, inFunction, &names) }
        case .unary(_, let o, _): visit(o, inFunction, &names)
        case .binary(_, let l, let r, _), .logical(_, let l, let r, _):
            visit(l, inFunction, &names); visit(r, inFunction, &names)
        case .coalesce(let l, let r): visit(l, inFunction, &names); visit(r, inFunction, &names)
        case .ternary(let c, let t, let f, _):
            visit(c, inFunction, &names); visit(t, inFunction, &names); visit(f, inFunction, &names)
        case .range(let lo, let hi, _, _):
            if let lo { visit(lo, inFunction, &names) }
            if let hi { visit(hi, inFunction, &names) }
        case .call(let callee, let args, _):
            visit(callee, inFunction, &names); args.forEach { visit($0.value, inFunction, &names) }
        case .invoke(let o, _, let args, _):
            visit(o, inFunction, &names); args.forEach { visit($0.value, inFunction, &names) }
        case .member(let o, _, _): visit(o, inFunction, &names)
        case .index(let o, let i, _): visit(o, inFunction, &names); i.forEach { visit($0, inFunction, &names) }
        case .function(let decl): visitFunction(decl, &names)
        }
    }
}
