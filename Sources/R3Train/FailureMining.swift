import R3Models
import R3Tasks

/// Settings of failure mining (the paper's failure dataset), with documented defaults.
public struct FailureMiningConfig: Sendable, Equatable {
    /// Which tasks count as failed.
    public enum Rule: String, Sendable {
        /// Every sample failed (the paper's rejection sampling: keep the queries the model never solves).
        case all
        /// At least one sample failed.
        case any
    }

    /// First attempts sampled per task (default 1; the paper draws up to 64).
    public var samples: Int
    public var rule: Rule
    /// How attempts are sampled (default: greedy for one sample, temperature 1 for several).
    public var sampling: TurnSampling
    public var seed: UInt64

    public init(samples: Int = 1, rule: Rule = .all, sampling: TurnSampling? = nil, seed: UInt64 = 0) {
        self.samples = samples
        self.rule = rule
        self.sampling = sampling ?? TurnSampling(temperature: samples > 1 ? 1 : 0)
        self.seed = seed
    }
}

/// The outcome of failure mining.
public struct MinedFailures: Sendable {
    /// Indices into the mined tasks of the tasks kept as failures, in order.
    public var indices: [Int]
    /// The kept tasks, each with its first failed attempt.
    public var failures: [FailedTask]
    /// Tasks examined.
    public var examined: Int
    /// Attempts sampled and how many passed.
    public var attempts: Int
    public var passedAttempts: Int
    /// Whether `shouldStop` ended the mining early (only `examined` tasks were looked at).
    public var stopped: Bool
}

/// Samples `config.samples` first attempts at each task and keeps the tasks the model fails
/// (per `config.rule`). `progress` gets (tasks done, total).
public func mineFailures(_ sampler: EpisodeSampler, _ tasks: [AnyTask], config: FailureMiningConfig = FailureMiningConfig(),
                         progress: ((Int, Int) -> Void)? = nil, shouldStop: (() -> Bool)? = nil) throws -> MinedFailures {
    try require(config.samples >= 1, "failures: samples must be at least 1, got \(config.samples)")
    var result = MinedFailures(indices: [], failures: [], examined: 0, attempts: 0, passedAttempts: 0, stopped: false)
    let perChunk = max(1, sampler.maxBatch / config.samples)
    var start = 0
    while start < tasks.count {
        let end = min(start + perChunk, tasks.count)
        var batch: [AnyTask] = []
        for task in tasks[start..<end] { batch += Array(repeating: task, count: config.samples) }
        let attempts = try sampler.attempts(batch, sampling: config.sampling, seed: config.seed &+ UInt64(start))
        for (k, i) in (start..<end).enumerated() {
            let own = attempts[(k * config.samples)..<((k + 1) * config.samples)]
            let passes = own.filter(\.passed).count
            result.passedAttempts += passes
            let failed = config.rule == .all ? passes == 0 : passes < config.samples
            if failed, let attempt = own.first(where: { !$0.passed }) {
                result.indices.append(i)
                result.failures.append(FailedTask(task: tasks[i], attempt: attempt))
            }
        }
        result.attempts += batch.count
        result.examined = end
        start = end
        progress?(end, tasks.count)
        if start < tasks.count, shouldStop?() == true {
            result.stopped = true
            break
        }
    }
    return result
}
