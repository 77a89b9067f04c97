/// Stochastic gradient descent (`torch.optim.SGD`) with optional momentum, dampening, Nesterov
/// momentum and (L2, coupled) weight decay:
///
///     g ← g + wd·p;  b ← g on the first step, else μ·b + (1 − dampening)·g
///     g ← g + μ·b (Nesterov) or b;  p ← p − lr·g
public final class SGD: Optimizer {
    public let parameters: [Tensor]
    public let names: [String]
    public var learningRate: Float
    public var schedule: LRSchedule?
    public private(set) var stepCount = 0
    public let momentum: Float, dampening: Float, weightDecay: Float, nesterov: Bool
    private var buffers: [Tensor?]
    private let set: ParameterSet

    public init(_ parameters: [Tensor], names: [String]? = nil, lr: Float, momentum: Float = 0, dampening: Float = 0,
                weightDecay: Float = 0, nesterov: Bool = false, schedule: LRSchedule? = nil) throws {
        set = try ParameterSet(parameters, names: names, op: "SGD")
        if !(lr >= 0) { throw TensorError("SGD", "learning rate must be >= 0, got \(lr)") }
        if !(momentum >= 0) || !(weightDecay >= 0) { throw TensorError("SGD", "momentum and weightDecay must be >= 0") }
        if nesterov && (momentum <= 0 || dampening != 0) {
            throw TensorError("SGD", "Nesterov momentum requires a momentum > 0 and zero dampening")
        }
        self.parameters = parameters
        self.names = set.names
        learningRate = lr
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
        self.schedule = schedule
        buffers = Array(repeating: nil, count: parameters.count)
    }

    public func step(loss: Tensor? = nil) throws {
        let grads = try set.finiteGradients(op: "SGD.step", loss: loss)
        if let schedule { learningRate = schedule.learningRate(at: stepCount) }
        stepCount += 1
        let lr = learningRate, mu = momentum, damp = dampening, wd = weightDecay, nesterov = nesterov
        for (i, p) in parameters.enumerated() {
            guard let g = grads[i] else { continue }
            let first = buffers[i] == nil
            if mu != 0 && first { buffers[i] = Tensor.zeros(like: p) }
            let pp = SendablePointer(p.pointer), gp = SendablePointer(g.pointer)
            let bp = buffers[i].map { SendablePointer($0.pointer) }
            withExtendedLifetime(g) {
                Parallel.forRanges(p.count, costPerItem: 4) { r in
                    for j in r {
                        var d = gp.p[j]
                        if wd != 0 { d += wd * pp.p[j] }
                        if let bp {
                            let b = first ? d : mu * bp.p[j] + (1 - damp) * d
                            bp.p[j] = b
                            d = nesterov ? d + mu * b : b
                        }
                        pp.p[j] -= lr * d
                    }
                }
            }
        }
    }

    public func exportState() -> OptimizerState {
        var out: [String: Tensor] = [:]
        for (i, name) in names.enumerated() { if let b = buffers[i] { out["\(name).momentum_buffer"] = b.copied() } }
        return OptimizerState(kind: "SGD", stepCount: stepCount, learningRate: learningRate,
                              hyperparameters: ["momentum": Double(momentum), "dampening": Double(dampening),
                                                "weight_decay": Double(weightDecay), "nesterov": nesterov ? 1 : 0],
                              parameterNames: names, buffers: out)
    }

    public func importState(_ state: OptimizerState) throws {
        try set.checkState(state, kind: "SGD", buffers: ["momentum_buffer"], op: "SGD.importState")
        for (i, name) in names.enumerated() { buffers[i] = state.buffers["\(name).momentum_buffer"]?.copied() }
        stepCount = state.stepCount
        learningRate = state.learningRate
    }
}
