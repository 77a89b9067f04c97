import Foundation

/// AdamW (`torch.optim.AdamW`, decoupled weight decay) with PyTorch's defaults and update order:
///
///     p ← p · (1 − lr·wd);  m ← m + (1 − β1)(g − m);  v ← β2·v + (1 − β2)·g²
///     p ← p − lr / (1 − β1ᵗ) · m / (√v / √(1 − β2ᵗ) + ε)
public final class AdamW: Optimizer {
    public let parameters: [Tensor]
    public let names: [String]
    public var learningRate: Float
    public var schedule: LRSchedule?
    public private(set) var stepCount = 0
    /// β1 (default 0.9) and β2 (default 0.999).
    public let beta1: Float, beta2: Float
    /// ε added to the denominator (default 1e-8).
    public let eps: Float
    /// Decoupled weight decay (default 0.01).
    public let weightDecay: Float
    /// Whether each parameter is decayed (default: all; LLM recipes usually exclude norms and biases).
    public let decays: [Bool]
    private var expAvg: [Tensor?]
    private var expAvgSq: [Tensor?]
    private let set: ParameterSet

    /// - Parameters:
    ///   - parameters: leaves that require grad (each tensor once).
    ///   - names: unique names for errors and state (default "0", "1", ...).
    ///   - decays: per parameter, whether weight decay applies (default: all).
    public init(_ parameters: [Tensor], names: [String]? = nil, lr: Float = 1e-3, betas: (Float, Float) = (0.9, 0.999),
                eps: Float = 1e-8, weightDecay: Float = 1e-2, decays: [Bool]? = nil, schedule: LRSchedule? = nil) throws {
        set = try ParameterSet(parameters, names: names, op: "AdamW")
        if !(lr >= 0) { throw TensorError("AdamW", "learning rate must be >= 0, got \(lr)") }
        if !(betas.0 >= 0 && betas.0 < 1 && betas.1 >= 0 && betas.1 < 1) {
            throw TensorError("AdamW", "betas must be in [0, 1), got (\(betas.0), \(betas.1))")
        }
        if !(eps >= 0) || !(weightDecay >= 0) { throw TensorError("AdamW", "eps and weightDecay must be >= 0") }
        if let decays, decays.count != parameters.count {
            throw TensorError("AdamW", "\(decays.count) decay flags for \(parameters.count) parameters")
        }
        self.parameters = parameters
        self.names = set.names
        learningRate = lr
        beta1 = betas.0; beta2 = betas.1
        self.eps = eps
        self.weightDecay = weightDecay
        self.decays = decays ?? Array(repeating: true, count: parameters.count)
        self.schedule = schedule
        expAvg = Array(repeating: nil, count: parameters.count)
        expAvgSq = Array(repeating: nil, count: parameters.count)
    }

    public func step(loss: Tensor? = nil) throws {
        let grads = try set.finiteGradients(op: "AdamW.step", loss: loss)
        if let schedule { learningRate = schedule.learningRate(at: stepCount) }
        stepCount += 1
        let t = Double(stepCount)
        let lr = learningRate
        let stepSize = Float(Double(lr) / (1 - Foundation.pow(Double(beta1), t)))
        let bc2Sqrt = Float((1 - Foundation.pow(Double(beta2), t)).squareRoot())
        let b1 = beta1, b2 = beta2, eps = eps
        for (i, p) in parameters.enumerated() {
            guard let g = grads[i] else { continue }
            if expAvg[i] == nil {
                expAvg[i] = Tensor.zeros(like: p)
                expAvgSq[i] = Tensor.zeros(like: p)
            }
            let decay: Float = decays[i] ? 1 - lr * weightDecay : 1
            let pp = SendablePointer(p.pointer), gp = SendablePointer(g.pointer)
            let mp = SendablePointer(expAvg[i]!.pointer), vp = SendablePointer(expAvgSq[i]!.pointer)
            withExtendedLifetime(g) {
                Parallel.forRanges(p.count, costPerItem: 8) { r in
                    for j in r {
                        let gj = gp.p[j]
                        var pj = pp.p[j]
                        if decay != 1 { pj *= decay }
                        let m = mp.p[j] + (1 - b1) * (gj - mp.p[j])
                        let v = vp.p[j] * b2 + (1 - b2) * (gj * gj)
                        mp.p[j] = m
                        vp.p[j] = v
                        pp.p[j] = pj + -stepSize * (m / (v.squareRoot() / bc2Sqrt + eps))
                    }
                }
            }
        }
    }

    public func exportState() -> OptimizerState {
        var buffers: [String: Tensor] = [:]
        for (i, name) in names.enumerated() {
            if let m = expAvg[i], let v = expAvgSq[i] {
                buffers["\(name).exp_avg"] = m.copied()
                buffers["\(name).exp_avg_sq"] = v.copied()
            }
        }
        return OptimizerState(kind: "AdamW", stepCount: stepCount, learningRate: learningRate,
                              hyperparameters: ["beta1": Double(beta1), "beta2": Double(beta2), "eps": Double(eps),
                                                "weight_decay": Double(weightDecay)],
                              parameterNames: names, buffers: buffers)
    }

    public func importState(_ state: OptimizerState) throws {
        try set.checkState(state, kind: "AdamW", buffers: ["exp_avg", "exp_avg_sq"], op: "AdamW.importState")
        for (key, value) in ["beta1": beta1, "beta2": beta2, "eps": eps, "weight_decay": weightDecay] {
            if let v = state.hyperparameters[key], Float(v) != value {
                throw TensorError("AdamW.importState", "the state has \(key) = \(v) but this optimizer has \(value)")
            }
        }
        for (i, name) in names.enumerated() {
            expAvg[i] = state.buffers["\(name).exp_avg"]?.copied()
            expAvgSq[i] = state.buffers["\(name).exp_avg_sq"]?.copied()
            if (expAvg[i] == nil) != (expAvgSq[i] == nil) {
                throw TensorError("AdamW.importState", "parameter '\(name)' has only one of exp_avg and exp_avg_sq")
            }
        }
        stepCount = state.stepCount
        learningRate = state.learningRate
    }
}
