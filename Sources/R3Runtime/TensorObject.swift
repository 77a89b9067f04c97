import R3Script
import R3Tensor

/// A tensor in the language: a reference to one R3Tensor `Tensor` value.
///
/// Every name bound to the same tensor object sees item assignments (`t[0, 1] = 5`), as lists are
/// shared. Indexing, `reshaped`, `T` and the other views give new tensor objects that share storage
/// copy-on-write: a write to one never reaches the other (unlike NumPy views). Parameters (tensors
/// made with `grad: true`) are the exception R3Tensor documents: optimizers update their storage in
/// place, so every variable, list and optimizer holding one sees the new values.
///
/// - properties: `shape`, `rank`, `count`, `T`, `mT`, `grad` (settable), `requiresGrad`
///   (settable on leaves), `isLeaf`, `isContiguous`;
/// - operators: `+ - * / **` and comparisons elementwise with broadcasting (tensors, numbers and
///   nested lists on either side), `@` (matmul), prefix `-`; `==`/`!=` are elementwise too and give
///   masks of 0 and 1 (use `equal(a, b)` for one bool); inside lists, `contains` and list `==`
///   compare whole tensors;
/// - `t[1, 0..<2]`, `t[-1]`, `t[nil]`, `t[0, 1] = 5`, `for row in t`.
final class TensorObject: NativeObject, NumericSequence {
    var tensor: Tensor

    init(_ tensor: Tensor) {
        self.tensor = tensor
    }

    override var typeName: String { "Tensor" }
    override var description: String { tensor.description }
    override var methods: [String: Builtin] { TensorMethods.table }

    static let propertyNames = ["shape", "rank", "count", "T", "mT", "grad", "requiresGrad", "isLeaf", "isContiguous"]
    override var memberNames: [String] { TensorObject.propertyNames + Array(TensorMethods.table.keys) }

    override func property(_ name: String) throws -> Value? {
        switch name {
        case "shape": return .list(ListObject(tensor.shape.map { .number(Double($0)) }))
        case "rank": return .number(Double(tensor.rank))
        case "count": return .number(Double(tensor.count))
        case "T": return TensorValues.value(tensor.T)
        case "mT": return TensorValues.value(try tensor.mT)
        case "grad": return TensorValues.value(try gradient())
        case "requiresGrad": return .bool(tensor.requiresGrad)
        case "isLeaf": return .bool(tensor.isLeaf)
        case "isContiguous": return .bool(tensor.isContiguous)
        default: return nil
        }
    }

    /// `t.grad`, with the advice worded for scripts.
    func gradient() throws -> Tensor {
        if !tensor.requiresGrad {
            throw ScriptError("grad: this tensor (shape \(TensorValues.shapeText(tensor.shape))) does not require grad; "
                + "create it with grad: true (e.g. randn([2, 3], grad: true)) or use t.requiringGrad()")
        }
        return try tensor.grad
    }

    override func setProperty(_ name: String, _ value: Value) throws {
        switch name {
        case "requiresGrad":
            guard case .bool(let flag) = value else {
                throw ScriptError("requiresGrad must be true or false, got \(value.typeName)")
            }
            if flag == tensor.requiresGrad { return }
            if !tensor.isLeaf {
                throw ScriptError("requiresGrad can only be changed on a leaf; this tensor was computed by an op: use t.detach()")
            }
            tensor = tensor.requiringGrad(flag)
        case "grad":
            if value.isNil {
                tensor.zeroGrad()
                return
            }
            guard let g = try TensorValues.operand(value, "grad") else {
                throw ScriptError("grad must be a tensor or nil, got \(value.typeName)")
            }
            if !tensor.requiresGrad { _ = try gradient() }
            try tensor.setGrad(g.detached())
        default:
            let known = TensorObject.propertyNames.contains(name)
            throw ScriptError(known ? "cannot set '\(name)' on a Tensor: it is read-only (only grad and requiresGrad can be set)"
                                    : "a Tensor has no property '\(name)' to set")
        }
    }

    // MARK: - Operators

    override func binary(_ op: BinaryOperator, _ other: Value, reversed: Bool) throws -> Value? {
        if case .number(let n) = other { return try scalarBinary(op, Float(n), reversed: reversed).map(TensorValues.value) }
        guard let o = try TensorValues.operand(other, "'\(op.rawValue)'") else { return nil }
        let (l, r) = reversed ? (o, tensor) : (tensor, o)
        let result: Tensor
        switch op {
        case .add: result = try l + r
        case .subtract: result = try l - r
        case .multiply: result = try l * r
        case .divide: result = try l / r
        case .power: result = try l.pow(r)
        case .matmul: result = try l.matmul(r)
        case .equal: result = try l.eq(r)
        case .notEqual: result = try l.ne(r)
        case .less: result = try l.lt(r)
        case .lessEqual: result = try l.le(r)
        case .greater: result = try l.gt(r)
        case .greaterEqual: result = try l.ge(r)
        case .remainder: return nil
        }
        return TensorValues.value(result)
    }

    /// Tensor–number operators without building a rank-0 operand where R3Tensor has a scalar form.
    private func scalarBinary(_ op: BinaryOperator, _ s: Float, reversed: Bool) throws -> Tensor? {
        let t = tensor
        switch (op, reversed) {
        case (.add, false): return try t + s
        case (.add, true): return try s + t
        case (.subtract, false): return try t - s
        case (.subtract, true): return try s - t
        case (.multiply, false): return try t * s
        case (.multiply, true): return try s * t
        case (.divide, false): return try t / s
        case (.divide, true): return try s / t
        case (.power, false): return t.pow(s)
        case (.power, true): return try Tensor(s).pow(t)
        case (.matmul, false): return try t.matmul(Tensor(s))
        case (.matmul, true): return try Tensor(s).matmul(t)
        case (.equal, _): return t.eq(s)
        case (.notEqual, _): return t.ne(s)
        case (.less, false), (.greater, true): return t.lt(s)
        case (.lessEqual, false), (.greaterEqual, true): return t.le(s)
        case (.greater, false), (.less, true): return t.gt(s)
        case (.greaterEqual, false), (.lessEqual, true): return t.ge(s)
        case (.remainder, _): return nil
        }
    }

    override func unary(_ op: UnaryOperator) throws -> Value? {
        op == .negate ? TensorValues.value(-tensor) : nil
    }

    // MARK: - Subscripts and iteration

    override func subscriptGet(_ indices: [Value]) throws -> Value {
        let index = try TensorValues.indices(indices)
        do {
            return TensorValues.value(try tensor[indices: index])
        } catch let e as TensorError where e.op == "index" {
            throw ScriptError("tensor subscript: \(e.message)")
        }
    }

    override func subscriptSet(_ indices: [Value], _ value: Value) throws {
        let index = try TensorValues.indices(indices)
        guard let v = try TensorValues.operand(value, "the assigned value") else {
            throw ScriptError("cannot assign a \(value.typeName) into a tensor: assign a number, a list of numbers or a tensor")
        }
        if tensor.requiresGrad && tensor.isLeaf && GradMode.isEnabled {
            throw ScriptError("cannot assign into a tensor that requires grad (shape \(TensorValues.shapeText(tensor.shape))) "
                + "outside noGrad: write parameters inside noGrad(fn() { ... }), like torch.no_grad()")
        }
        do {
            try tensor.assign(v.detached(), at: index)
        } catch let e as TensorError where e.op == "assign" {
            throw ScriptError("item assignment: \(e.message)")
        }
    }

    /// `for row in t`: the sub-tensors along the first axis.
    override func iterate() throws -> [Value]? {
        guard tensor.rank > 0 else { throw ScriptError("cannot iterate over a rank-0 tensor; use t.item() for its value") }
        return try (0..<tensor.shape[0]).map { TensorValues.value(try tensor[indices: [.at($0)]]) }
    }

    /// Whole-tensor equality (same shape and values), used when lists of tensors are compared.
    override func isEqual(to other: NativeObject) -> Bool {
        guard let o = other as? TensorObject else { return false }
        return o === self || (o.tensor.shape == tensor.shape && o.tensor.toArray() == tensor.toArray())
    }

    func numericValues() throws -> [Double] { tensor.toArray().map(Double.init) }
}
