/// Statements.
extension Interpreter {
    @inline(__always)
    func execute(_ statements: [Stmt], _ frame: Frame) throws -> Flow {
        for s in statements {
            let flow = try execute(s, frame)
            if flow != .normal { return flow }
        }
        return .normal
    }

    func execute(_ statement: Stmt, _ frame: Frame) throws -> Flow {
        switch statement {
        case .expression(let e):
            _ = try evaluate(e, frame)
            return .normal

        case .declare(let pattern, let value, let isConstant, _):
            let v = try evaluate(value, frame)
            if case .name(let variable) = pattern {
                bind(variable, v, frame, declaring: true, isConstant: isConstant)
            } else {
                try bindPattern(pattern, v, frame, isConstant: isConstant)
            }
            return .normal

        case .assign(let target, let op, let valueExpr, let loc):
            try assign(target, op, valueExpr, frame, loc)
            return .normal

        case .function(let variable, let decl):
            if case .cell(let i) = variable.slot {
                // The function may call itself: its own cell must exist before it is captured.
                frame.cells[i] = Cell(.null)
                frame.cells[i].value = .closure(makeClosure(decl, frame))
            } else {
                bind(variable, .closure(makeClosure(decl, frame)), frame, declaring: true)
            }
            return .normal

        case .block(let body):
            return try execute(body, frame)

        case .ifElse(let condition, let thenBranch, let elseBranch, _):
            if try truth(condition, frame, "if") {
                return try execute(thenBranch, frame)
            } else if let e = elseBranch {
                return try execute(e, frame)
            }
            return .normal

        case .whileLoop(let condition, let body, let loc):
            while try truth(condition, frame, "while") {
                if Interrupt.isRequested { try Interrupt.check(at: loc) }
                switch try execute(body, frame) {
                case .breakLoop: return .normal
                case .returned: return .returned
                case .normal, .continueLoop: continue
                }
            }
            return .normal

        case .forIn(let pattern, let sequenceExpr, let body, let loc):
            return try forIn(pattern, try evaluate(sequenceExpr, frame), body, frame, loc)

        case .breakLoop: return .breakLoop
        case .continueLoop: return .continueLoop

        case .returnValue(let e, _):
            returnValue = try e.map { try evaluate($0, frame) } ?? .null
            return .returned

        case .tryCatch(let body, let binding, let handler, _):
            let depth = callDepth
            do {
                return try execute(body, frame)
            } catch let error as ScriptError where error.kind == .runtime {
                callDepth = depth
                if let p = binding {
                    try bindPattern(p, error.thrown ?? .string(error.message), frame, isConstant: true)
                }
                return try execute(handler, frame)
            }

        case .importFile(let path, let loc):
            try importFile(path, at: loc)
            return .normal
        }
    }

    @inline(__always)
    func truth(_ e: Expr, _ frame: Frame, _ context: String) throws -> Bool {
        let v = try evaluate(e, frame)
        if case .bool(let b) = v { return b }
        throw ScriptError("the \(context) condition must be true or false, got \(v.typeName)", at: e.location)
    }

    private func forIn(_ pattern: Pattern, _ sequence: Value, _ body: [Stmt], _ frame: Frame,
                       _ loc: SourceLocation) throws -> Flow {
        // A numeric range runs without building a list.
        if case .range(let r) = sequence, let lo = r.lower, let hi = r.upper, case .name(let v) = pattern {
            var i = lo
            while r.inclusive ? i <= hi : i < hi {
                if Interrupt.isRequested { try Interrupt.check(at: loc) }
                bind(v, .number(i), frame, declaring: true, isConstant: true)
                switch try execute(body, frame) {
                case .breakLoop: return .normal
                case .returned: return .returned
                case .normal, .continueLoop: break
                }
                i += 1
            }
            return .normal
        }
        let items = try Iteration.items(of: sequence, at: loc)
        for item in items {
            if Interrupt.isRequested { try Interrupt.check(at: loc) }
            if case .name(let v) = pattern {
                bind(v, item, frame, declaring: true, isConstant: true)
            } else {
                try bindPattern(pattern, item, frame, isConstant: true)
            }
            switch try execute(body, frame) {
            case .breakLoop: return .normal
            case .returned: return .returned
            case .normal, .continueLoop: continue
            }
        }
        return .normal
    }

    private func assign(_ target: AssignTarget, _ op: BinaryOperator?, _ valueExpr: Expr, _ frame: Frame,
                        _ loc: SourceLocation) throws {
        switch target {
        case .variable(let v):
            var value = try evaluate(valueExpr, frame)
            if let op {
                value = try binary(op, try read(v, frame), value, loc)
            }
            try assign(v, value, frame)
        case .index(let objectExpr, let indexExprs, let l):
            let object = try evaluate(objectExpr, frame)
            let indices = try indexExprs.map { try evaluate($0, frame) }
            var value = try evaluate(valueExpr, frame)
            if let op {
                value = try binary(op, try subscriptGet(object, indices, l), value, loc)
            }
            try subscriptSet(object, indices, value, l)
        case .member(let objectExpr, let name, let l):
            let object = try evaluate(objectExpr, frame)
            var value = try evaluate(valueExpr, frame)
            if let op {
                value = try binary(op, try member(object, name, l), value, loc)
            }
            try setMember(object, name, value, l)
        }
    }
}
