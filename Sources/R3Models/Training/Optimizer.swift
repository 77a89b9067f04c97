import Foundation

/// AdamW hyper-parameters (PyTorch's defaults) and the learning-rate schedule: linear warmup from 0
/// to `learningRate` over `warmupSteps`, then cosine decay to `learningRate * minLearningRateRatio`
/// at the last step (nanoGPT's schedule).
public struct OptimizerConfig: Equatable, Sendable {
    /// Peak learning rate (default 1e-3).
    public var learningRate: Double
    /// Final learning rate as a fraction of the peak (default 0.1).
    public var minLearningRateRatio: Double
    /// Warmup steps (default: 10% of the steps, at most 100).
    public var warmupSteps: Int?
    /// Decoupled weight decay on weight matrices and embeddings; norms and biases never decay (default 0.01).
    public var weightDecay: Double
    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    /// Clip the global gradient norm to this (torch.nn.utils.clip_grad_norm_; nil = no clipping; default 1).
    public var maxGradNorm: Double?

    public init(learningRate: Double = 1e-3, minLearningRateRatio: Double = 0.1, warmupSteps: Int? = nil,
                weightDecay: Double = 0.01, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
                maxGradNorm: Double? = 1.0) {
        self.learningRate = learningRate
        self.minLearningRateRatio = minLearningRateRatio
        self.warmupSteps = warmupSteps
        self.weightDecay = weightDecay
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.maxGradNorm = maxGradNorm
    }

    /// The learning rate of update number `step` (1-based) in a run of `totalSteps`.
    public func learningRate(step: Int, totalSteps: Int) -> Double {
        let warmup = warmupSteps ?? min(100, totalSteps / 10)
        if step <= warmup && warmup > 0 { return learningRate * Double(step) / Double(warmup) }
        let minLR = learningRate * minLearningRateRatio
        let span = max(1, totalSteps - warmup)
        let progress = min(1, Double(step - warmup) / Double(span))
        return minLR + 0.5 * (learningRate - minLR) * (1 + cos(Double.pi * progress))
    }
}

/// AdamW state over a model's flat parameter buffer: first and second moments and the step count.
public final class AdamW {
    public let config: OptimizerConfig
    let m: FloatBuffer
    let v: FloatBuffer
    /// Updates done so far.
    public internal(set) var step = 0

    public init(model: LanguageModel, config: OptimizerConfig = OptimizerConfig()) {
        self.config = config
        m = FloatBuffer(count: model.parameterCount)
        v = FloatBuffer(count: model.parameterCount)
    }

    /// The global L2 norm of the model's gradients (Double accumulation, fixed order).
    public static func gradientNorm(_ model: LanguageModel) -> Double {
        guard let g = model.grads else { return 0 }
        return sumOfSquares(g.pointer, g.count).squareRoot()
    }

    /// Clips the gradients to `maxGradNorm` (if set) and applies one update with learning rate `lr`.
    /// `gradNorm` is the global gradient norm when already known (computed here when clipping needs it).
    /// Returns the gradient norm before clipping (nil when neither given nor needed).
    @discardableResult
    public func update(_ model: LanguageModel, learningRate lr: Double, gradNorm: Double? = nil) -> Double? {
        guard let g = model.grads else { return nil }
        var norm = gradNorm
        var scale: Float = 1
        if let maxNorm = config.maxGradNorm {
            let n = norm ?? Self.gradientNorm(model)
            norm = n
            if n > maxNorm { scale = Float(maxNorm / (n + 1e-6)) }
        }
        step += 1
        for t in model.layout.tensors where !(model.config.tieWordEmbeddings && t.name == "lm_head.weight") {
            adamwUpdate(model.params.pointer + t.offset, g.pointer + t.offset, m.pointer + t.offset, v.pointer + t.offset, t.count,
                        lr: Float(lr), beta1: Float(config.beta1), beta2: Float(config.beta2), eps: Float(config.epsilon),
                        weightDecay: t.decays ? Float(config.weightDecay) : 0, step: step, gradScale: scale)
        }
        return norm
    }
}
