/// Expressions.
extension Interpreter {
    func evaluate(_ expr: Expr, _ frame: Frame) throws -> Value {
        switch expr {
        case .literal(let v):
            return v

        case .variable(let v):
            return try read(v, frame)

        case .binary(let op, let l, let r, let loc):
            let a = try evaluate(l, frame)
            let b = try evaluate(r, frame)
            if case .number(let x) = a, case .number(let y) = b {
                switch op {
                case .add: return .number(x + y)
                case .subtract: return .number(x - y)
                case .multiply: return .number(x * y)
                case .divide: return .number(x / y)
                case .less: return .bool(x < y)
                case .lessEqual: return .bool(x <= y)
                case .greater: return .bool(x > y)
                case .greaterEqual: return .bool(x >= y)
                case .equal: return .bool(x == y)
                case .notEqual: return .bool(x != y)
                default: break
                }
            }
            return try binary(op, a, b, loc)

        case .call(let calleeExpr, let args, let loc):
            let callee = try evaluate(calleeExpr, frame)
            if case .closure(let c) = callee, c.decl.isSimple, args.count == c.decl.parameterCount,
               !CallArgument.anyLabeled(args) {
                // The fast path: evaluate arguments straight into the new frame.
                let calleeFrame = try located(loc) { try pushFrame(c.decl, c) }
                defer { popFrame(c.decl, calleeFrame) }
                for i in 0..<args.count { calleeFrame.slots[i] = try evaluate(args[i].value, frame) }
                return try runBody(c, calleeFrame, at: loc)
            }
            return try callGeneral(callee, args, frame, loc)

        case .ternary(let c, let t, let f, _):
            return try truth(c, frame, "?:") ? try evaluate(t, frame) : try evaluate(f, frame)

        default:
            return try evaluateCold(expr, frame)
        }
    }

    @inline(never)
    private func callGeneral(_ callee: Value, _ args: [CallArgument], _ frame: Frame, _ loc: SourceLocation) throws -> Value {
        let (positional, named) = try evaluateArguments(args, frame)
        return try located(loc) { try call(callee, positional: positional, named: named, at: loc) }
    }

    /// The expressions off the hot path of loops and calls.
    @inline(never)
    private func evaluateCold(_ expr: Expr, _ frame: Frame) throws -> Value {
        switch expr {
        case .literal, .variable, .binary, .call, .ternary:
            return try evaluate(expr, frame)

        case .invoke(let objectExpr, let name, let args, let loc):
            let object = try evaluate(objectExpr, frame)
            let (positional, named) = try evaluateArguments(args, frame)
            return try located(loc) { try invoke(object, name, positional, named, loc) }

        case .member(let objectExpr, let name, let loc):
            return try located(loc) { try member(try evaluate(objectExpr, frame), name, loc) }

        case .index(let objectExpr, let indexExprs, let loc):
            let object = try evaluate(objectExpr, frame)
            if indexExprs.count == 1, case .list(let l) = object {
                let i = try evaluate(indexExprs[0], frame)
                if case .number(let n) = i, n >= 0, n < Double(l.items.count), n == n.rounded() {
                    return l.items[Int(n)]
                }
                return try located(loc) { try subscriptGet(object, [i], loc) }
            }
            let indices = try indexExprs.map { try evaluate($0, frame) }
            return try located(loc) { try subscriptGet(object, indices, loc) }

        case .logical(let isAnd, let l, let r, let loc):
            let a = try evaluate(l, frame)
            guard case .bool(let x) = a else {
                throw ScriptError("'\(isAnd ? "&&" : "||")' needs true or false, got \(a.typeName)", at: loc)
            }
            if isAnd ? !x : x { return .bool(x) }
            let b = try evaluate(r, frame)
            guard case .bool = b else {
                throw ScriptError("'\(isAnd ? "&&" : "||")' needs true or false, got \(b.typeName)", at: loc)
            }
            return b

        case .unary(let op, let operandExpr, let loc):
            let v = try evaluate(operandExpr, frame)
            switch (op, v) {
            case (.negate, .number(let n)): return .number(-n)
            case (.not, .bool(let b)): return .bool(!b)
            case (_, .native(let o)):
                if let r = try located(loc, { try o.unary(op) }) { return r }
            default: break
            }
            throw ScriptError(op == .negate ? "cannot negate a \(v.typeName)" : "'!' needs true or false, got \(v.typeName)", at: loc)

        case .coalesce(let l, let r):
            let a = try evaluate(l, frame)
            return a.isNil ? try evaluate(r, frame) : a

        case .interpolation(let parts):
            var s = ""
            for p in parts { s += Formatter.display(try evaluate(p, frame)) }
            return .string(s)

        case .list(let items, _):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for e in items { values.append(try evaluate(e, frame)) }
            return .list(ListObject(values))

        case .dict(let pairs, let loc):
            let d = DictObject()
            for (k, v) in pairs {
                let key = try evaluate(k, frame)
                guard let dk = DictKey(key) else {
                    throw ScriptError("dictionary keys must be strings, numbers or booleans, got \(key.typeName)", at: k.location ?? loc)
                }
                d[dk] = try evaluate(v, frame)
            }
            return .dict(d)

        case .range(let lo, let hi, let inclusive, let loc):
            func bound(_ e: Expr?) throws -> Double? {
                guard let e else { return nil }
                let v = try evaluate(e, frame)
                guard case .number(let n) = v else {
                    throw ScriptError("range bounds must be numbers, got \(v.typeName)", at: e.location ?? loc)
                }
                return n
            }
            return .range(RangeObject(lower: try bound(lo), upper: try bound(hi), inclusive: inclusive))

        case .function(let decl):
            return .closure(makeClosure(decl, frame))
        }
    }

    func evaluateArguments(_ args: [CallArgument], _ frame: Frame) throws
        -> (positional: [Value], named: [(label: String, value: Value)]) {
        var positional: [Value] = []
        positional.reserveCapacity(args.count)
        var named: [(label: String, value: Value)] = []
        for a in args {
            let v = try evaluate(a.value, frame)
            if let label = a.label { named.append((label, v)) } else { positional.append(v) }
        }
        return (positional, named)
    }

    /// Runs `body`, giving errors that carry no location (from builtins and natives) this one,
    /// and turning domain errors into script errors.
    @inline(__always)
    func located<T>(_ loc: SourceLocation, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var e as ScriptError {
            if e.location == nil { e.location = loc }
            throw e
        } catch {
            throw ScriptError(String(describing: error), at: loc)
        }
    }
}
