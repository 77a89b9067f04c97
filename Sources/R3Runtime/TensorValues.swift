import R3Script
import R3Tensor

/// Conversions between the language's values and R3Tensor's types, in one place: tensor operands
/// (tensors, numbers, nested lists), shapes, axes, subscripts and parameter lists.
enum TensorValues {
    /// A script value for a tensor.
    static func value(_ t: Tensor) -> Value { .native(TensorObject(t)) }

    /// A Float32 value as the script number it stands for: the shortest decimal that reads back as
    /// the same Float32 (`0.1`, not `0.10000000149011612`), so printed values look as typed.
    static func number(_ f: Float) -> Double {
        if !f.isFinite || (f == f.rounded() && Swift.abs(f) < 16_777_216) { return Double(f) }
        return Double(f.description) ?? Double(f)
    }

    /// Nested lists of numbers for a tensor's elements (a number for a rank-0 tensor), as `t.list()`.
    static func nestedValue(_ n: NestedArray) -> Value {
        switch n {
        case .scalar(let v): return .number(number(Float(v)))
        case .list(let xs): return .list(ListObject(xs.map(nestedValue)))
        }
    }

    /// A tensor operand: a tensor, a number (rank 0), nested lists of numbers (and tensors), or a
    /// bounded range (its whole numbers).
    /// Returns nil for any other value, so operators can report the types instead.
    /// - Throws: a `ScriptError` starting with `context` for a list holding something else, and a
    ///   `TensorError` for a ragged list.
    static func operand(_ value: Value, _ context: String) throws -> Tensor? {
        switch value {
        case .native(let o as TensorObject): return o.tensor
        case .number(let n): return Tensor(Float(n))
        case .bool(let b): return Tensor(b ? 1 : 0)
        case .list: return try Tensor(nested: nested(value, context))
        case .range(let r) where r.lower != nil && r.upper != nil: return try Tensor(nested: nested(value, context))
        default: return nil
        }
    }

    /// The tensor argument `name` of a builtin (see `operand`); errors name the function and argument.
    static func tensor(_ a: Arguments, _ name: String) throws -> Tensor {
        do {
            if let t = try operand(a[name], "argument '\(name)'") { return t }
        } catch let e as TensorError {
            throw a.error("argument '\(name)': \(e.message)")
        } catch let e as ScriptError {
            throw a.error(e.message)
        }
        throw a.error("argument '\(name)' must be a tensor, a number or a list of numbers, got \(a[name].typeName)")
    }

    /// The optional tensor argument `name` (nil when not given).
    static func optionalTensor(_ a: Arguments, _ name: String) throws -> Tensor? {
        a.isGiven(name) ? try tensor(a, name) : nil
    }

    /// Nested lists of numbers (booleans count as 0 and 1; tensors inside are expanded) as a
    /// `NestedArray`; an item that is not a number is named by its path (`[1][0]`).
    static func nested(_ value: Value, _ context: String) throws -> NestedArray {
        var indices: [Int] = []
        return try nested(value, &indices, context)
    }

    /// `indices` is the path of `value`, spelled out only in an error (so deep or long lists stay linear).
    private static func nested(_ value: Value, _ indices: inout [Int], _ context: String) throws -> NestedArray {
        switch value {
        case .number(let n): return .scalar(n)
        case .bool(let b): return .scalar(b ? 1 : 0)
        case .native(let o as TensorObject): return o.tensor.toNested()
        case .list(let l):
            var items: [NestedArray] = []
            items.reserveCapacity(l.items.count)
            for (i, item) in l.items.enumerated() {
                indices.append(i)
                items.append(try nested(item, &indices, context))
                indices.removeLast()
            }
            return .list(items)
        case .range(let r) where r.lower != nil && r.upper != nil:
            let lower = r.lower ?? 0
            return .list((0..<r.count).map { .scalar(lower + Double($0)) })
        default:
            let path = indices.map { "[\($0)]" }.joined()
            throw ScriptError("\(context): item \(path.isEmpty ? "" : path + " ")is a \(value.typeName); a tensor holds numbers")
        }
    }

    /// A whole number that fits an `Int` (dimensions, axes, indices); `what` names it in errors.
    static func whole(_ n: Double, _ what: String) throws -> Int {
        guard n == n.rounded() else { throw ScriptError("\(what) must be a whole number, got \(Formatter.number(n))") }
        guard abs(n) < 9e15 else { throw ScriptError("\(what) is too large, got \(Formatter.number(n))") }
        return Int(n)
    }

    /// A list of whole numbers (a shape, axes, indices); a single number counts as a list of one.
    static func ints(_ a: Arguments, _ name: String) throws -> [Int] {
        let items: [Value]
        if case .number = a[name] { items = [a[name]] } else { items = try a.list(name) }
        return try items.enumerated().map { i, v in
            guard case .number(let n) = v else {
                throw a.error("argument '\(name)' must be a list of whole numbers; item \(i) is a \(v.typeName)")
            }
            do { return try whole(n, "item \(i)") } catch let e as ScriptError { throw a.error("argument '\(name)': \(e.message)") }
        }
    }

    /// A shape argument: a list of whole numbers (`[2, 3]`) or one number for 1-D.
    static func shape(_ a: Arguments, _ name: String = "shape") throws -> [Int] { try ints(a, name) }

    /// An axis argument, or nil when not given. A list gives several axes (`sum(axis: [0, 1])`).
    static func axes(_ a: Arguments, _ name: String = "axis") throws -> [Int]? {
        a.isGiven(name) ? try ints(a, name) : nil
    }

    /// An integer argument that may also be given as a one-element list; nil when not given.
    static func optionalAxis(_ a: Arguments, _ name: String = "axis") throws -> Int? {
        guard let axes = try axes(a, name) else { return nil }
        guard axes.count == 1 else { throw a.error("argument '\(name)' must be one axis, got \(axes.count)") }
        return axes[0]
    }

    /// A tensor subscript: whole numbers (or rank-0 tensors holding one, as `argmax()` gives) pick
    /// one position (negative from the end), ranges slice (`0..<2`, `1...3`, `2...`, `..<3`; clamped
    /// like Python slices), nil inserts a new axis.
    static func indices(_ values: [Value]) throws -> [TensorIndex] {
        try values.enumerated().map { i, v in
            switch v {
            case .number(let n):
                return .at(try whole(n, "tensor index \(i)"))
            case .range(let r):
                let start = try r.lower.map { try whole($0, "the lower bound of tensor index \(i)") }
                var end = try r.upper.map { try whole($0, "the upper bound of tensor index \(i)") }
                if r.inclusive, let e = end { end = e == -1 ? nil : e + 1 }
                return .range(start: start, end: end, step: 1)
            case .null:
                return .newAxis
            case .native(let o as TensorObject) where o.tensor.rank == 0:
                return .at(try whole(Double(try o.tensor.item()), "tensor index \(i)"))
            default:
                throw ScriptError("tensor index \(i) is a \(v.typeName); an index is a whole number, a range (0..<2, 1..., ..<3) "
                    + "or nil (a new axis); to pick several positions use t.indexSelect(axis:, indices:)")
            }
        }
    }

    /// The parameters of an optimizer or of `clipGradNorm`: a list of tensors (named `params[i]`
    /// in errors) or a dictionary of named tensors.
    static func parameters(_ a: Arguments, _ name: String = "params") throws -> [(name: String, tensor: Tensor)] {
        var pairs: [(String, Value)] = []
        switch a[name] {
        case .list(let l): pairs = l.items.enumerated().map { ("\(name)[\($0.offset)]", $0.element) }
        case .dict(let d): pairs = d.entries.map { (Formatter.display($0.key.value), $0.value) }
        case .native(let o as TensorObject): pairs = [("\(name)[0]", .native(o))]
        default: throw a.error("argument '\(name)' must be a list of tensors or a dictionary of named tensors, got \(a[name].typeName)")
        }
        if pairs.isEmpty { throw a.error("argument '\(name)' is empty: give the tensors to optimise") }
        return try pairs.map { label, v in
            guard case .native(let o as TensorObject) = v else {
                throw a.error("parameter '\(label)' is a \(v.typeName); parameters are tensors made with grad: true")
            }
            return (label, o.tensor)
        }
    }

    /// Throws unless every tensor is a leaf that requires grad (what optimizers update).
    static func checkLeaves(_ params: [(name: String, tensor: Tensor)], _ a: Arguments) throws {
        for (name, t) in params {
            if !t.requiresGrad {
                throw a.error("parameter '\(name)' (shape \(TensorValues.shapeText(t.shape))) does not require grad; "
                    + "create it with grad: true (e.g. randn([2, 3], grad: true)) or use t.requiringGrad()")
            }
            if !t.isLeaf {
                throw a.error("parameter '\(name)' (shape \(TensorValues.shapeText(t.shape))) was computed by an op, so it is not a leaf; "
                    + "parameters are leaves: use t.detach().requiringGrad()")
            }
        }
    }

    /// `[2, 3]`, as R3Tensor spells shapes in its messages.
    static func shapeText(_ shape: [Int]) -> String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }

    /// A `Float` hyperparameter argument.
    static func float(_ a: Arguments, _ name: String) throws -> Float { Float(try a.number(name)) }

    /// Runs a tensor operation for a builtin, giving its `TensorError`s the builtin's name:
    /// `Tensor.sum(): axis 3 out of range for rank 2`.
    static func run<T>(_ a: Arguments, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as TensorError { throw a.error(e.message) }
    }
}
