import Foundation
import R3Random
import R3Script
import R3Tensor

/// Binds R3Tensor into the language: creation functions, `where`, `equal`, `concat`, `stack`,
/// `noGrad`, `manualSeed`, the `Tensor` methods (TensorMethods), the optimizers and schedules
/// (TensorOptimizers). See docs/tensors.md, "In the language".
enum TensorLibrary {
    static func install(_ interp: Interpreter) {
        for b in functions + TensorOptimizers.functions { interp.define(b) }
        interp.define("schedule", .native(TensorOptimizers.schedules))
        interp.registerHelp(TensorMethods.list + OptimizerObject.methodList + ScheduleObject.methodList)
    }

    /// A creation function's result, made a parameter when `grad` is true.
    static func made(_ t: Tensor, _ a: Arguments) throws -> Value {
        TensorValues.value(try a.bool("grad") ? t.requiringGrad() : t)
    }

    static let functions: [Builtin] = [
        Builtin("tensor(data, grad = false)",
                doc: "A tensor from nested lists of numbers: tensor([[1, 2], [3, 4]]) has shape [2, 2]; a number gives a rank-0 tensor; tensors inside the lists are stacked; true/false count as 1/0. Ragged lists are an error naming the position. grad: true makes it a parameter (a leaf that requires grad). One dtype: 32-bit floats. Properties: t.shape (a list), t.rank, t.count (elements), t.T (all axes reversed), t.mT (last two swapped), t.grad, t.requiresGrad, t.isLeaf, t.isContiguous. Operators: + - * / ** and < <= > >= == != elementwise with NumPy broadcasting (numbers and lists on either side; comparisons, == included, give masks of 0 and 1 — use equal(a, b) for one bool), @ the matrix product, prefix -. Indexing: t[1, 0..<2], t[-1], t[1...], t[nil] (a new axis), t[0, 1] = 5. print(t) shows it NumPy-style.") { a in
            let t: Tensor
            if case .native(let o as TensorObject) = a["data"] {
                t = try Tensor(shape: o.tensor.shape, data: o.tensor.toArray())
            } else {
                t = try TensorValues.run(a) {
                    try Tensor(nested: TensorValues.nested(a["data"], "tensor(): argument 'data'"))
                }
            }
            return try made(t, a)
        },
        Builtin("zeros(shape, grad = false)", doc: "A tensor of `shape` (a list such as [2, 3], or one number for 1-D) filled with 0. grad: true makes it a parameter. Sizes beyond the tensor memory limit (half the RAM, or R3_MAX_TENSOR_BYTES) are an error.") { a in
            try made(try TensorValues.run(a) { try Tensor.zeros(try TensorValues.shape(a)) }, a)
        },
        Builtin("ones(shape, grad = false)", doc: "A tensor of `shape` (a list, or one number for 1-D) filled with 1. grad: true makes it a parameter.") { a in
            try made(try TensorValues.run(a) { try Tensor.ones(try TensorValues.shape(a)) }, a)
        },
        Builtin("full(shape, value, grad = false)", doc: "A tensor of `shape` (a list, or one number for 1-D) filled with `value`. grad: true makes it a parameter.") { a in
            try made(try TensorValues.run(a) { try Tensor.full(try TensorValues.shape(a), value: try TensorValues.float(a, "value")) }, a)
        },
        Builtin("arange(start, end = nil, step = 1)",
                doc: "A 1-D tensor [start, start + step, ...] up to but excluding `end` (torch.arange); arange(5) is [0, 1, 2, 3, 4]. step may be negative or fractional, not 0.") { a in
            let first = try a.number("start")
            let t = try TensorValues.run(a) {
                guard let end = try a.optionalNumber("end") else { return try Tensor.arange(first) }
                return try Tensor.arange(first, end, step: try a.number("step"))
            }
            return TensorValues.value(t)
        },
        Builtin("linspace(start, end, count)", doc: "A 1-D tensor of `count` evenly spaced values from start to end, both included (torch.linspace): linspace(0, 1, 5) is [0, 0.25, 0.5, 0.75, 1].") { a in
            TensorValues.value(try TensorValues.run(a) { try Tensor.linspace(try a.number("start"), try a.number("end"), count: try a.int("count")) })
        },
        Builtin("eye(n, m = nil)", doc: "The [n, m] matrix with ones on the diagonal and zeros elsewhere (m defaults to n), like torch.eye.") { a in
            TensorValues.value(try TensorValues.run(a) { try Tensor.eye(try a.int("n"), try a.optionalInt("m")) })
        },
        Builtin("randn(shape, seed = nil, mean = 0, std = 1, grad = false)",
                doc: "Normal samples mean + std * z of `shape` (torch.randn), drawn in row-major order from a generator seeded with `seed` (the same seed gives the same tensor on every machine), or, without a seed, from the session's generator (seeded 0 at start; see manualSeed). grad: true makes it a parameter: randn([2, 3], seed: 1, grad: true).") { a in
            let shape = try TensorValues.shape(a)
            let mean = try TensorValues.float(a, "mean"), std = try TensorValues.float(a, "std")
            guard std >= 0, std.isFinite, mean.isFinite else {
                throw a.error(std.isFinite && mean.isFinite ? "argument 'std' must not be negative, got \(Formatter.number(Double(std)))" : "mean and std must be finite")
            }
            let t = try TensorValues.run(a) {
                if a.isGiven("seed") { return try Tensor.randn(shape, seed: try TaskValues.seed(a), mean: mean, std: std) }
                return try TensorSession.of(a.interpreter).draw { try Tensor.randn(shape, mean: mean, std: std, using: &$0) }
            }
            return try made(t, a)
        },
        Builtin("rand(shape, seed = nil, low = 0, high = 1, grad = false)",
                doc: "Uniform samples in [low, high) of `shape` (torch.rand for the defaults), in row-major order, from a generator seeded with `seed` or from the session's generator (see manualSeed). grad: true makes it a parameter.") { a in
            let shape = try TensorValues.shape(a)
            let low = try TensorValues.float(a, "low"), high = try TensorValues.float(a, "high")
            guard low.isFinite, high.isFinite, low <= high else {
                throw a.error(low.isFinite && high.isFinite ? "argument 'low' (\(Formatter.number(Double(low)))) must not be above 'high' (\(Formatter.number(Double(high))))" : "low and high must be finite")
            }
            let t = try TensorValues.run(a) {
                if a.isGiven("seed") { return try Tensor.rand(shape, seed: try TaskValues.seed(a), low: low, high: high) }
                return try TensorSession.of(a.interpreter).draw { try Tensor.rand(shape, low: low, high: high, using: &$0) }
            }
            return try made(t, a)
        },
        Builtin("manualSeed(seed)",
                doc: "Reseeds the session's generator, which randn, rand and dropout use when they get no seed: (torch.manual_seed). A session starts seeded with 0, so a script gives the same numbers on every run.") { a in
            TensorSession.of(a.interpreter).generator = RandomGenerator(seed: try TaskValues.seed(a))
            return .null
        },
        Builtin("where(condition, a, b)",
                doc: "a where condition is non-zero, else b (torch.where); the three (tensors, numbers or lists) broadcast together: where(x > 0, x, 0) is relu. Differentiable in a and b.") { a in
            TensorValues.value(try TensorValues.run(a) {
                try Tensor.where(try TensorValues.tensor(a, "condition"), try TensorValues.tensor(a, "a"), try TensorValues.tensor(a, "b"))
            })
        },
        Builtin("equal(a, b)",
                doc: "true when a and b (tensors, numbers or lists) have the same shape and the same values (torch.equal), else false. a == b on tensors is elementwise instead (a mask). nan never equals nan.") { a in
            let x = try TensorValues.tensor(a, "a"), y = try TensorValues.tensor(a, "b")
            return .bool(x.shape == y.shape && x.toArray() == y.toArray())
        },
        Builtin("concat(tensors, axis = 0)",
                doc: "Joins a list of tensors along an existing axis (torch.cat); the other sizes must match: [2, 3] and [4, 3] along axis 0 give [6, 3]. Differentiable.") { a in
            TensorValues.value(try TensorValues.run(a) { try Tensor.concat(try tensorList(a), axis: try a.int("axis")) })
        },
        Builtin("stack(tensors, axis = 0)",
                doc: "Joins a list of same-shaped tensors along a new axis (torch.stack): three [2, 3] tensors give [3, 2, 3] (axis 0) or [2, 3, 3] (axis -1). Differentiable.") { a in
            TensorValues.value(try TensorValues.run(a) { try Tensor.stack(try tensorList(a), axis: try a.int("axis")) })
        },
        Builtin("noGrad(body)",
                doc: "Calls body() without recording the autograd graph (torch.no_grad()) and returns its result: tensors computed inside require no grad, and parameters may be written (p[0] = 1, or an update by hand). Ends even when body raises an error.") { a in
            let body = try a.callable("body")
            return try withNoGrad { try a.interpreter.call(body, []) }
        },
    ]

    /// The `tensors` argument of concat and stack: a list of tensors (numbers and lists converted).
    static func tensorList(_ a: Arguments) throws -> [Tensor] {
        try a.list("tensors").enumerated().map { i, v in
            do {
                if let t = try TensorValues.operand(v, "tensors[\(i)]") { return t }
            } catch let e as ScriptError {
                throw a.error(e.message)
            }
            throw a.error("tensors[\(i)] is a \(v.typeName); give a list of tensors")
        }
    }
}

/// The tensor state of one interpreter session: the generator that `randn`, `rand` and `dropout`
/// draw from when they get no seed (seeded 0 at start, reseeded by `manualSeed`).
final class TensorSession {
    var generator = RandomGenerator(seed: 0)

    /// Runs `body` with the session's generator, which continues from where the last draw stopped.
    func draw<T>(_ body: (inout RandomGenerator) throws -> T) rethrows -> T { try body(&generator) }

    // MARK: - Sessions by interpreter

    private struct Entry {
        weak var interpreter: Interpreter?
        let session: TensorSession
    }
    private static let lock = NSLock()
    nonisolated(unsafe) private static var sessions: [ObjectIdentifier: Entry] = [:]

    /// The session of `interp`, made on first use; sessions of interpreters that are gone are dropped.
    static func of(_ interp: Interpreter) -> TensorSession {
        lock.lock()
        defer { lock.unlock() }
        if let entry = sessions[ObjectIdentifier(interp)], entry.interpreter === interp { return entry.session }
        sessions = sessions.filter { $0.value.interpreter != nil }
        let session = TensorSession()
        sessions[ObjectIdentifier(interp)] = Entry(interpreter: interp, session: session)
        return session
    }
}
