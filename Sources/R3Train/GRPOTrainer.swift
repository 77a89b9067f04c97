import Foundation
import R3Models
import R3Plot
import R3Random
import R3Tasks

/// The Reflect, Retry, Reward trainer: GRPO on self-reflections (or, in plain mode, on first attempts).
///
/// Each step draws failed tasks, samples a first attempt at each (tasks the policy now passes are
/// skipped), G reflections after every failed attempt, and a retry after each reflection. The
/// retry's verdict is the reflection's reward; group-relative advantages weight the clipped-ratio
/// objective on the reflection tokens only (scored in the exact token context they were sampled in),
/// plus beta times the k3 KL to the frozen reference. AdamW updates the policy.
///
///     let trainer = try GRPOTrainer(policy: model.copied(), reference: model, tasks: failed,
///                                   config: GRPOConfig(steps: 200), format: EpisodeFormat(for: model))
///     let result = try trainer.run(onStep: { print($0) }, shouldStop: { interrupted })
public final class GRPOTrainer {
    public let policy: LanguageModel
    /// The frozen reference of the KL term (nil when beta is 0).
    public let reference: LanguageModel?
    public let config: GRPOConfig
    /// The training tasks, with their mined failed attempts.
    public let tasks: [FailedTask]
    /// Held-out tasks evaluated every `config.evalEvery` steps.
    public let evalTasks: [AnyTask]
    /// One record per step (TRL's metric names where they exist), and the evaluations.
    public let log: MetricsLog
    /// Steps done.
    public internal(set) var step = 0
    /// The newest checkpoint written or resumed from.
    public internal(set) var lastCheckpoint: String?

    let sampler: EpisodeSampler
    let optimizer: AdamW
    var rng: RandomGenerator
    var cursor: TaskCursor

    /// - Parameters:
    ///   - policy: the model to train (in place; pass a copy to keep the original).
    ///   - reference: the frozen reference for the KL term; required when `config.beta > 0`, and of
    ///     the policy's architecture.
    ///   - tasks: the training tasks (the failure set), with the failed attempts failure mining recorded.
    ///   - verifier: judges attempts and retries (default: the format's verifier per task kind).
    public init(policy: LanguageModel, reference: LanguageModel?, tasks: [FailedTask], config: GRPOConfig,
                format: EpisodeFormat, verifier: Verifier? = nil, evalTasks: [AnyTask] = [], log: MetricsLog = MetricsLog()) throws {
        try config.validate()
        guard !tasks.isEmpty else {
            throw TrainError("there are no tasks to train on: the model passes every task on the first try, or the task list is empty; nothing to train")
        }
        if config.beta > 0 {
            guard let reference else { throw TrainError("beta is \(config.beta) but no reference model was given (beta 0 turns the KL term off)") }
            guard reference !== policy else { throw TrainError("the reference model must be a separate, frozen copy of the policy") }
            guard reference.hasSameArchitecture(as: policy) else {
                throw TrainError("the reference model's architecture differs from the policy's (\(Self.shape(reference)) vs \(Self.shape(policy)))")
            }
        }
        self.policy = policy
        self.reference = config.beta > 0 ? reference : nil
        self.config = config
        self.tasks = tasks
        self.evalTasks = evalTasks
        self.log = log
        sampler = EpisodeSampler(model: policy, format: format, verifier: verifier)
        optimizer = AdamW(model: policy, config: config.optimizer)
        rng = RandomGenerator(seed: config.seed ^ 0x5EED_0F_6790)
        cursor = TaskCursor(count: tasks.count, seed: config.seed)
        // Every prompt must leave room for an answer: fail now, not in the middle of a run.
        for (i, t) in tasks.enumerated() {
            let n = try format.attemptContext(t.task, tokenizer: policy.tokenizer).count
            guard n < policy.config.maxPositions else {
                throw TrainError("task \(i) (\(t.task)): its prompt has \(n) tokens, which leaves no room for an answer in the model's context of \(policy.config.maxPositions) tokens")
            }
        }
    }

    static func shape(_ m: LanguageModel) -> String {
        "\(m.parameterCount) parameters, \(m.config.numLayers) layer\(m.config.numLayers == 1 ? "" : "s"), dim \(m.config.hiddenSize), vocab \(m.config.vocabSize)"
    }

    /// The outcome of `run`.
    public struct Result: Sendable {
        /// The last step done.
        public var step: Int
        /// Whether `shouldStop` ended the run early.
        public var stopped: Bool
        /// The newest checkpoint (nil without checkpointing).
        public var lastCheckpoint: String?
    }

    /// Runs steps until `config.steps`. `onStep` gets each step's record (already in `log`);
    /// `shouldStop` is asked after every step (a Ctrl-C handler sets it): the run then writes a
    /// checkpoint (when checkpointing) and returns with `stopped`. A non-finite loss or gradient
    /// stops the run before the weights change, with an error naming the step and the last good
    /// checkpoint.
    @discardableResult
    public func run(onStep: ((MetricsLog.Record) -> Void)? = nil, shouldStop: (() -> Bool)? = nil) throws -> Result {
        if let dir = config.checkpointDirectory, config.checkpointEvery > 0 { try writeReference(into: dir) }
        if step == 0 && config.evalEvery > 0 && !evalTasks.isEmpty && log.count == 0 {
            log.add(step: 0, try evaluationMetrics())
        }
        var stopped = false
        while step < config.steps {
            let record = try trainStep()
            onStep?(record)
            let stopping = shouldStop?() == true
            if config.checkpointEvery > 0 && (step % config.checkpointEvery == 0 || step == config.steps || stopping) {
                try writeCheckpoint()
            }
            if stopping {
                stopped = true
                break
            }
        }
        return Result(step: step, stopped: stopped, lastCheckpoint: lastCheckpoint)
    }

    /// First-try and second-try accuracy of the policy on the held-out tasks (greedy).
    func evaluationMetrics() throws -> [(String, Double)] {
        let e = try evaluate(sampler, evalTasks, name: "policy",
                             sampling: TurnSampling(maxTokens: config.attempt.maxTokens),
                             reflectionSampling: TurnSampling(maxTokens: config.reflection.maxTokens))
        return [("eval/first_try", e.firstTry), ("eval/second_try", e.secondTry),
                ("eval/reflection_length", e.meanReflectionLength)]
    }
}
