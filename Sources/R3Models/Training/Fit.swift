import Foundation

/// Settings of supervised fine-tuning (`fit`), with documented defaults.
public struct FitConfig: Equatable, Sendable {
    /// Optimizer updates to run in total (default 100). A resumed run continues up to this step.
    public var steps: Int
    /// Sequences per batch (default 8).
    public var batchSize: Int
    /// Tokens per sequence: longer examples are truncated (default: the model's context length).
    public var maxLength: Int?
    /// Pack several examples into each row of `maxLength` tokens (attention stays within each
    /// example; positions restart) instead of padding each batch to its longest example (default false).
    public var packing: Bool
    /// Seed of the data order (default 0).
    public var seed: UInt64
    /// AdamW and learning-rate schedule.
    public var optimizer: OptimizerConfig
    /// Append the tokenizer's eos token to each completion (trained on) (default true).
    public var appendEOS: Bool
    /// Write a checkpoint every N steps, and at the end or on a stop (0 = never; default 0).
    public var checkpointEvery: Int
    /// Where checkpoints go (`<dir>/checkpoint-<step>`); required when checkpointEvery > 0.
    public var checkpointDirectory: String?
    /// How many checkpoints to keep (default 2).
    public var keepCheckpoints: Int

    public init(steps: Int = 100, batchSize: Int = 8, maxLength: Int? = nil, packing: Bool = false, seed: UInt64 = 0,
                optimizer: OptimizerConfig = OptimizerConfig(), appendEOS: Bool = true, checkpointEvery: Int = 0,
                checkpointDirectory: String? = nil, keepCheckpoints: Int = 2) {
        self.steps = steps
        self.batchSize = batchSize
        self.maxLength = maxLength
        self.packing = packing
        self.seed = seed
        self.optimizer = optimizer
        self.appendEOS = appendEOS
        self.checkpointEvery = checkpointEvery
        self.checkpointDirectory = checkpointDirectory
        self.keepCheckpoints = keepCheckpoints
    }
}

/// What one training step reports (TRL-style names in `dictionary`).
public struct StepMetrics: Equatable, Sendable {
    public var step: Int
    /// Mean negative log-likelihood over the trained (completion) tokens of the batch.
    public var loss: Double
    public var learningRate: Double
    /// Global gradient norm before clipping.
    public var gradNorm: Double
    /// Real (non-padding) tokens of the batch.
    public var tokens: Int
    /// Tokens per second of this step (forward, backward and update).
    public var tokensPerSecond: Double
    public var seconds: Double

    public var dictionary: [String: Double] {
        ["step": Double(step), "loss": loss, "learning_rate": learningRate, "grad_norm": gradNorm,
         "num_tokens": Double(tokens), "tokens_per_second": tokensPerSecond]
    }
}

/// The outcome of `fit`.
public struct FitResult: Sendable {
    /// One record per step run by this call.
    public var metrics: [StepMetrics]
    /// The last completed step.
    public var step: Int
    /// Whether `shouldStop` ended the run early.
    public var stopped: Bool
    /// The newest checkpoint written (nil without checkpointing).
    public var lastCheckpoint: String?
    /// Examples left with no completion token after truncation (not trained on).
    public var droppedExamples: Int
}

/// Supervised fine-tuning: next-token cross-entropy on the completion tokens of prompt/completion
/// pairs, AdamW with warmup + cosine decay and global-norm clipping.
///
/// - `resumeFrom`: a checkpoint folder (or a directory of them: the newest) to continue from; the
///   continuation is bit-identical to an uninterrupted run with the same settings and thread count.
/// - `onStep` receives each step's metrics; `shouldStop` is asked after every step (a Ctrl-C handler
///   sets it): the run then writes a checkpoint (when checkpointing) and returns with `stopped`.
/// - A non-finite loss or gradient norm stops the run before the weights change, with an error
///   naming the step and the last good checkpoint (which is left intact).
@discardableResult
public func fit(_ model: LanguageModel, _ examples: [Example], config: FitConfig = FitConfig(), resumeFrom: String? = nil,
                onStep: ((StepMetrics) -> Void)? = nil, shouldStop: (() -> Bool)? = nil) throws -> FitResult {
    if let asked = config.maxLength, asked > model.config.maxPositions {
        throw ModelError("fit: maxLength \(asked) is longer than the model's context of \(model.config.maxPositions) tokens; examples are cut to the context (leave maxLength out for that)")
    }
    let maxLength = config.maxLength ?? model.config.maxPositions
    guard config.steps > 0, config.batchSize > 0, maxLength > 1 else {
        throw ModelError("fit: steps, batchSize and maxLength must be positive (got \(config.steps), \(config.batchSize), \(maxLength))")
    }
    if config.checkpointEvery > 0 && config.checkpointDirectory == nil {
        throw ModelError("fit: checkpointEvery needs a checkpointDirectory")
    }
    let (data, dropped) = try tokenizeExamples(examples, tokenizer: model.tokenizer, maxLength: maxLength, appendEOS: config.appendEOS)
    guard !data.isEmpty else { throw ModelError("fit: no example has a completion token to train on (\(examples.count) given)") }
    let pad = model.tokenizer.padTokenId ?? model.tokenizer.eosTokenId ?? 0
    var batcher = SFTBatcher(examples: data, batchSize: config.batchSize, maxLength: maxLength, packing: config.packing,
                             padToken: pad, seed: config.seed)
    let optimizer = AdamW(model: model, config: config.optimizer)
    var step = 0
    var lastCheckpoint: String?
    if let resumeFrom {
        let path = try Checkpoint.resolve(resumeFrom)
        let state = try Checkpoint.restore(path, model: model, optimizer: optimizer)
        guard state.exampleCount == data.count, state.batchSize == config.batchSize, state.maxLength == maxLength,
              state.packing == config.packing else {
            throw ModelError("\(path): the checkpoint was made with \(state.exampleCount) examples, batch size \(state.batchSize), max length \(state.maxLength), packing \(state.packing); this run has \(data.count), \(config.batchSize), \(maxLength), \(config.packing)")
        }
        batcher.restore(state.data)
        step = state.step
        lastCheckpoint = path
    }
    func checkpoint() throws {
        guard let dir = config.checkpointDirectory, config.checkpointEvery > 0 else { return }
        let state = TrainerState(step: step, totalSteps: config.steps, data: batcher.position, exampleCount: data.count,
                                 batchSize: config.batchSize, maxLength: maxLength, packing: config.packing)
        lastCheckpoint = try Checkpoint.write(model: model, optimizer: optimizer, state: state, directory: dir, keep: config.keepCheckpoints)
    }
    var metrics: [StepMetrics] = []
    var stopped = false
    while step < config.steps {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let (batch, trained) = try batcher.nextBatch()
        let targets = batch.nextTokenTargets
        let count = trained.reduce(0) { $0 + ($1 ? 1 : 0) }
        let out = try model.forwardForTraining(batch, targets: targets)
        var nll = 0.0
        for (lp, t) in zip(out.logprobs, trained) where t { nll -= Double(lp) }
        let loss = nll / Double(max(count, 1))
        let nextStep = step + 1
        func nonFinite(_ what: String) -> ModelError {
            let where_ = lastCheckpoint.map { "; the last good checkpoint is \($0)" } ?? " (no checkpoint was written)"
            return ModelError("fit: the \(what) is not finite at step \(nextStep); training stopped before updating the weights\(where_)")
        }
        guard loss.isFinite else { throw nonFinite("loss") }
        model.zeroGradients()
        let scale = Float(-1.0 / Double(max(count, 1)))
        try model.backward(dLogprobs: trained.map { $0 ? scale : 0 })
        let gradNorm = AdamW.gradientNorm(model)
        guard gradNorm.isFinite else { throw nonFinite("gradient norm") }
        let lr = config.optimizer.learningRate(step: nextStep, totalSteps: config.steps)
        optimizer.update(model, learningRate: lr, gradNorm: gradNorm)
        step = nextStep
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        let tokens = batch.segments.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
        let m = StepMetrics(step: step, loss: loss, learningRate: lr, gradNorm: gradNorm, tokens: tokens,
                            tokensPerSecond: Double(tokens) / seconds, seconds: seconds)
        metrics.append(m)
        onStep?(m)
        if shouldStop?() == true {
            stopped = true
            try checkpoint()
            break
        }
        if config.checkpointEvery > 0 && (step % config.checkpointEvery == 0 || step == config.steps) { try checkpoint() }
    }
    return FitResult(metrics: metrics, step: step, stopped: stopped, lastCheckpoint: lastCheckpoint, droppedExamples: dropped)
}
