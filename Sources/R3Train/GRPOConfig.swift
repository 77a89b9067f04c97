import R3Models

/// Settings of the Reflect, Retry, Reward trainer (GRPO), with documented defaults. TRL's names are
/// given where the option has one.
public struct GRPOConfig: Sendable, Equatable {
    /// What is sampled, rewarded and trained.
    public enum Mode: String, Sendable {
        /// The paper: a failed first attempt, G reflections, a retry after each; the reward is the
        /// retry's verdict and it trains the tokens of `rewardSpan`.
        case reflect
        /// Plain GRPO on first attempts, for comparison: G attempts per task, each rewarded by its own
        /// verdict and trained on its own tokens.
        case plain
    }

    /// Where the failed first attempt that the reflections answer comes from, in `.reflect` mode.
    public enum AttemptSource: String, Sendable {
        /// The attempt recorded by failure mining (a fresh one for tasks without one): the GRPO
        /// prompt is fixed per task, as in the paper's failure dataset.
        case mined
        /// A new attempt from the current policy each time a task is drawn; tasks it now passes
        /// are skipped.
        case fresh
    }

    /// Which tokens carry the loss in `.reflect` mode.
    public enum RewardSpan: String, Sendable {
        /// Only the reflection tokens (the paper): the task, the attempt and the retry are masked.
        case reflection
        /// The reflection and the retry's tokens (an ablation).
        case reflectionAndRetry = "reflection+retry"
    }

    /// How advantages are scaled after subtracting the group mean (TRL `scale_rewards`).
    public enum RewardScaling: String, Sendable {
        /// Divide by the group's standard deviation (GRPO).
        case group
        /// Divide by the standard deviation over the whole batch.
        case batch
        /// Do not divide (Dr. GRPO).
        case none
    }

    /// How per-token losses become one number (TRL `loss_type`).
    public enum LossAggregation: String, Sendable {
        /// Mean over every trained token of the batch (TRL "dapo"/"bnpo").
        case token
        /// Mean over each sequence's tokens, then over sequences (TRL "grpo").
        case sequence
    }

    public var mode: Mode
    public var attempts: AttemptSource
    public var rewardSpan: RewardSpan
    /// Optimizer updates (default 200; TRL `max_steps`).
    public var steps: Int
    /// Failed tasks (groups) per step (default 8). TRL's batch is `tasksPerStep * group` completions.
    public var tasksPerStep: Int
    /// Reflections per failed task, each followed by its own retry (default 8; TRL `num_generations`).
    public var group: Int
    /// Updates per sampled batch, each against the old log-probs saved at sampling (default 1; TRL
    /// `num_iterations`).
    public var iterations: Int
    /// Clipping of the probability ratio to [1 - epsilon, 1 + epsilonHigh] (default 0.2; TRL `epsilon`).
    public var epsilon: Double
    /// Upper clipping bound (default: epsilon; TRL `epsilon_high`).
    public var epsilonHigh: Double?
    /// Weight of the k3 KL estimate to the frozen reference model; 0 drops the reference
    /// (default 0.001, the paper's; TRL `beta`).
    public var beta: Double
    public var scaleRewards: RewardScaling
    public var loss: LossAggregation
    /// Reward from `Verdict.score` (graded) instead of pass/fail (default false: binary, as the paper).
    public var gradedReward: Bool
    /// Drop groups whose rewards are all equal (no signal) and draw more tasks in their place, up to
    /// `maxDrawsPerStep` tasks per step (default false; DAPO's dynamic sampling).
    public var dynamicSampling: Bool
    /// Tasks drawn per step at most, counting tasks whose attempt passed and dropped groups
    /// (default 4 x tasksPerStep).
    public var maxDrawsPerStep: Int?
    /// Sampling of first attempts: fresh ones in `.reflect` mode, the G completions in `.plain` mode
    /// (default temperature 1, 64 tokens).
    public var attempt: TurnSampling
    /// Sampling of the reflections (default temperature 1, 64 tokens).
    public var reflection: TurnSampling
    /// Sampling of the retries (default greedy, 64 tokens, so a reflection's reward is a function of
    /// the reflection alone, as at evaluation).
    public var retry: TurnSampling
    /// AdamW and the schedule (defaults: lr 1e-5, warmup over 10% of the steps (at most 100), then constant;
    /// no weight decay; clipping at 1, as TRL).
    public var optimizer: OptimizerConfig
    /// Sequences per forward/backward pass; gradients accumulate over the batch (default 32).
    public var microBatch: Int
    /// Evaluate on the held-out tasks every N steps and at the end (0 = never; default 0).
    public var evalEvery: Int
    /// Write a checkpoint every N steps, and at the end or on a stop (0 = never; default 0).
    public var checkpointEvery: Int
    /// Where checkpoints go (`<dir>/checkpoint-<step>`, the reference in `<dir>/reference`).
    public var checkpointDirectory: String?
    /// Checkpoints kept (default 2).
    public var keepCheckpoints: Int
    /// Seed of the task order and of every draw (default 0).
    public var seed: UInt64

    public init(mode: Mode = .reflect, attempts: AttemptSource = .mined, rewardSpan: RewardSpan = .reflection, steps: Int = 200, tasksPerStep: Int = 8,
                group: Int = 8, iterations: Int = 1, epsilon: Double = 0.2, epsilonHigh: Double? = nil, beta: Double = 0.001,
                scaleRewards: RewardScaling = .group, loss: LossAggregation = .token, gradedReward: Bool = false,
                dynamicSampling: Bool = false, maxDrawsPerStep: Int? = nil,
                attempt: TurnSampling = TurnSampling(temperature: 1), reflection: TurnSampling = TurnSampling(temperature: 1),
                retry: TurnSampling = TurnSampling(),
                optimizer: OptimizerConfig = OptimizerConfig(learningRate: 1e-5, minLearningRateRatio: 1, weightDecay: 0),
                microBatch: Int = 32, evalEvery: Int = 0, checkpointEvery: Int = 0, checkpointDirectory: String? = nil,
                keepCheckpoints: Int = 2, seed: UInt64 = 0) {
        self.mode = mode
        self.attempts = attempts
        self.rewardSpan = rewardSpan
        self.steps = steps
        self.tasksPerStep = tasksPerStep
        self.group = group
        self.iterations = iterations
        self.epsilon = epsilon
        self.epsilonHigh = epsilonHigh
        self.beta = beta
        self.scaleRewards = scaleRewards
        self.loss = loss
        self.gradedReward = gradedReward
        self.dynamicSampling = dynamicSampling
        self.maxDrawsPerStep = maxDrawsPerStep
        self.attempt = attempt
        self.reflection = reflection
        self.retry = retry
        self.optimizer = optimizer
        self.microBatch = microBatch
        self.evalEvery = evalEvery
        self.checkpointEvery = checkpointEvery
        self.checkpointDirectory = checkpointDirectory
        self.keepCheckpoints = keepCheckpoints
        self.seed = seed
    }

    /// Checks the settings; the error names the option.
    public func validate() throws {
        try require(steps > 0, "steps must be positive, got \(steps)")
        try require(tasksPerStep > 0, "tasksPerStep must be positive, got \(tasksPerStep)")
        try require(group >= 2, "group must be at least 2 (advantages compare the members of a group), got \(group)")
        try require(iterations >= 1, "iterations must be at least 1, got \(iterations)")
        try require(epsilon > 0 && epsilon < 1, "epsilon must be in (0, 1), got \(epsilon)")
        try require((epsilonHigh ?? epsilon) > 0, "epsilonHigh must be positive, got \(epsilonHigh ?? epsilon)")
        try require(beta >= 0 && beta.isFinite, "beta must be a finite number >= 0, got \(beta)")
        try require(microBatch >= 1, "microBatch must be at least 1, got \(microBatch)")
        try require((maxDrawsPerStep ?? tasksPerStep) >= tasksPerStep,
                    "maxDrawsPerStep (\(maxDrawsPerStep ?? 0)) must be at least tasksPerStep (\(tasksPerStep))")
        try require(checkpointEvery == 0 || checkpointDirectory != nil, "checkpointEvery needs a checkpointDirectory")
        for (name, s) in [("attempt", attempt), ("reflection", reflection), ("retry", retry)] {
            try require(s.maxTokens > 0, "\(name) maxTokens must be positive, got \(s.maxTokens)")
            try require(s.temperature >= 0, "\(name) temperature must not be negative, got \(s.temperature)")
            try require(s.topP > 0 && s.topP <= 1, "\(name) topP must be in (0, 1], got \(s.topP)")
        }
    }

    /// Tasks drawn per step at most.
    var drawLimit: Int { maxDrawsPerStep ?? 4 * tasksPerStep }
}
