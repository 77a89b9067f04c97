/// What every optimizer offers: in-place updates of its parameters from their `.grad`.
///
/// Parameters are shared identities: the optimizer writes new values into the parameters' storage
/// in place, so every copy of a parameter tensor (in a model, in the language binding's wrapper)
/// sees the update, as PyTorch's `p.data` updates do. Parameters without a gradient are skipped.
public protocol Optimizer: AnyObject {
    /// The parameters, in the order given at construction.
    var parameters: [Tensor] { get }
    /// One unique name per parameter (used in errors and in the exported state).
    var names: [String] { get }
    /// The learning rate of the next step (overwritten by `schedule` when one is set).
    var learningRate: Float { get set }
    /// If set, each step first sets `learningRate = schedule.learningRate(at: stepCount)`.
    var schedule: LRSchedule? { get set }
    /// The number of steps taken.
    var stepCount: Int { get }
    /// One update. Throws (and changes nothing) when a gradient or the optional `loss` is not finite.
    func step(loss: Tensor?) throws
    /// Clears the parameters' gradients.
    func zeroGrad()
    /// Everything needed to resume bit-identically: step count, learning rate, hyperparameters and buffers.
    func exportState() -> OptimizerState
    /// Restores a state from `exportState()` of the same kind of optimizer over the same parameters.
    func importState(_ state: OptimizerState) throws
}

extension Optimizer {
    public func step() throws { try step(loss: nil) }
    public func zeroGrad() { for p in parameters { p.zeroGrad() } }
}

/// An optimizer's resumable state. Buffers are keyed `"<parameter name>.<buffer>"` (e.g.
/// `"w.exp_avg"`), so a checkpoint writer can store them as named tensors (e.g. in safetensors).
public struct OptimizerState: Codable, Equatable, Sendable {
    /// `"AdamW"` or `"SGD"`.
    public var kind: String
    /// Steps taken.
    public var stepCount: Int
    /// The learning rate of the next step.
    public var learningRate: Float
    /// Hyperparameters by their PyTorch names (`betas` as `beta1`/`beta2`, `weight_decay` ...).
    public var hyperparameters: [String: Double]
    /// The parameter names in order.
    public var parameterNames: [String]
    /// Per-parameter buffers.
    public var buffers: [String: Tensor]

    public init(kind: String, stepCount: Int, learningRate: Float, hyperparameters: [String: Double],
                parameterNames: [String], buffers: [String: Tensor]) {
        self.kind = kind
        self.stepCount = stepCount
        self.learningRate = learningRate
        self.hyperparameters = hyperparameters
        self.parameterNames = parameterNames
        self.buffers = buffers
    }

    public static func == (a: OptimizerState, b: OptimizerState) -> Bool {
        a.kind == b.kind && a.stepCount == b.stepCount && a.learningRate == b.learningRate && a.hyperparameters == b.hyperparameters
            && a.parameterNames == b.parameterNames && a.buffers.keys.sorted() == b.buffers.keys.sorted()
            && a.buffers.allSatisfy { k, v in b.buffers[k].map { $0.shape == v.shape && $0.toArray() == v.toArray() } ?? false }
    }
}

extension Tensor: Codable {
    private enum CodingKeys: String, CodingKey { case shape, data }

    /// Encodes the shape and the row-major values (exactly: Float32 values round-trip through JSON).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(shape, forKey: .shape)
        try c.encode(toArray(), forKey: .data)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(shape: c.decode([Int].self, forKey: .shape), data: c.decode([Float].self, forKey: .data))
    }
}

/// The checks and plumbing shared by the optimizers.
struct ParameterSet {
    let tensors: [Tensor]
    let names: [String]

    init(_ parameters: [Tensor], names: [String]?, op: String) throws {
        if let names, names.count != parameters.count {
            throw TensorError(op, "\(names.count) names for \(parameters.count) parameters")
        }
        let names = names ?? parameters.indices.map { String($0) }
        if Set(names).count != names.count {
            throw TensorError(op, "parameter names must be unique, got \(names)")
        }
        var seen: [ObjectIdentifier: String] = [:]
        for (p, name) in zip(parameters, names) {
            guard let node = p.node, node.isLeaf else {
                throw TensorError(op, "parameter '\(name)' (shape \(fmt(p.shape))) is not a leaf that requires grad; "
                    + "create it with requiresGrad: true or requiringGrad()")
            }
            if let other = seen[ObjectIdentifier(node)] {
                throw TensorError(op, "parameter '\(name)' is the same tensor as '\(other)'")
            }
            seen[ObjectIdentifier(node)] = name
            if !p.isContiguous { throw TensorError(op, "parameter '\(name)' is not contiguous") }
        }
        tensors = parameters
        self.names = names
    }

    /// The gradients (nil where none); throws naming the first parameter whose gradient holds NaN or inf.
    func finiteGradients(op: String, loss: Tensor?) throws -> [Tensor?] {
        if let loss {
            let bad = loss.toArray().first { !$0.isFinite }
            if let bad { throw TensorError(op, "the loss is \(fmt(bad)); no parameter was updated") }
        }
        return try zip(tensors, names).map { p, name in
            guard let g = p.gradIfPresent else { return nil }
            let n = g.count, ptr = g.pointer
            var bad = 0, first = -1
            for i in 0..<n where !ptr[i].isFinite {
                bad += 1
                if first < 0 { first = i }
            }
            if bad > 0 {
                throw TensorError(op, "the gradient of parameter '\(name)' (shape \(fmt(p.shape))) has \(bad) non-finite value\(bad == 1 ? "" : "s") "
                    + "(first: \(fmt(ptr[first])) at index \(first)); no parameter was updated")
            }
            return g
        }
    }

    /// Checks and unpacks an imported state.
    func checkState(_ state: OptimizerState, kind: String, buffers: [String], op: String) throws {
        if state.kind != kind { throw TensorError(op, "the state is for \(state.kind), not \(kind)") }
        if state.parameterNames != names {
            throw TensorError(op, "the state's parameters \(state.parameterNames) do not match the optimizer's \(names)")
        }
        for (p, name) in zip(tensors, names) {
            for b in buffers {
                if let t = state.buffers["\(name).\(b)"], t.shape != p.shape {
                    throw TensorError(op, "buffer '\(name).\(b)' has shape \(fmt(t.shape)) but parameter '\(name)' has shape \(fmt(p.shape))")
                }
            }
        }
    }
}
