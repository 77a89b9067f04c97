import R3Models
import R3Tasks

/// The paper's evaluation of one model on a set of tasks: two attempts per task, the second after
/// the model's own reflection on its failed first attempt.
public struct Evaluation: Sendable {
    /// A label for tables ("vanilla", "trained", a model name).
    public var name: String
    /// Tasks evaluated.
    public var count: Int
    /// Tasks passed on the first attempt.
    public var firstTryPasses: Int
    /// Tasks passed within two attempts (first try, or the retry after a reflection).
    public var secondTryPasses: Int
    /// Mean length in tokens of the reflections written (0 when there were none).
    public var meanReflectionLength: Double
    /// Mean length in tokens of the first attempts.
    public var meanAttemptLength: Double
    /// Reflections sampled per failed task besides the one `secondTry` counts (0: none), each
    /// followed by a retry: the headroom a reflection trainer has.
    public var reflectionSamples: Int = 0
    /// For each task failed on the first try, how many of its `reflectionSamples` sampled
    /// reflections led to a passing retry.
    public var sampledRetryPasses: [Int] = []

    /// First-try accuracy in [0, 1].
    public var firstTry: Double { count == 0 ? 0 : Double(firstTryPasses) / Double(count) }
    /// Second-try accuracy in [0, 1]: passed on the first try or on the retry.
    public var secondTry: Double { count == 0 ? 0 : Double(secondTryPasses) / Double(count) }

    /// Second-try accuracy if the best of `k` sampled reflections were kept for each failed task
    /// (1 <= k <= `reflectionSamples`): the first-try passes plus, per failed task, the chance that
    /// k reflections drawn from its samples include one whose retry passes. This is the unbiased
    /// pass@k estimator, 1 - C(n - c, k) / C(n, k), over the n samples of which c passed. Nil when
    /// k is out of range.
    public func secondTry(bestOf k: Int) -> Double? {
        guard count > 0, k >= 1, k <= reflectionSamples else { return nil }
        let n = reflectionSamples
        var passes = Double(firstTryPasses)
        for c in sampledRetryPasses {
            // C(n - c, k) / C(n, k) = prod over i in 0..<k of (n - c - i) / (n - i).
            var miss = 1.0
            for i in 0..<k { miss *= Double(max(n - c - i, 0)) / Double(n - i) }
            passes += 1 - miss
        }
        return passes / Double(count)
    }
}

extension Evaluation: CustomStringConvertible {
    public var description: String {
        func pct(_ v: Double) -> String { String(format: "%.1f%%", 100 * v) }
        let best = secondTry(bestOf: reflectionSamples).map { ", 2nd try with the best of \(reflectionSamples) sampled reflections \(pct($0))" } ?? ""
        return "\(name): 1st try \(pct(firstTry)), 2nd try \(pct(secondTry))\(best) (\(count) tasks)"
    }
}

/// Evaluates `sampler`'s model on `tasks` as the paper does: a first attempt at every task; for the
/// failed ones, a reflection and a retry. Greedy unless `sampling` says otherwise. `progress` is
/// called with (tasks done, total) after each chunk.
///
/// `reflectionSamples` > 0 also samples that many more reflections per failed task with
/// `sampledReflection` (temperature 1 by default), each followed by a retry with `sampling`, and
/// counts the passing retries (`Evaluation.secondTry(bestOf:)`). They do not change `secondTry`.
public func evaluate(_ sampler: EpisodeSampler, _ tasks: [AnyTask], name: String = "model",
                     sampling: TurnSampling = TurnSampling(), reflectionSampling: TurnSampling? = nil,
                     reflectionSamples: Int = 0, sampledReflection: TurnSampling = TurnSampling(temperature: 1), seed: UInt64 = 0,
                     progress: ((Int, Int) -> Void)? = nil, shouldStop: (() -> Bool)? = nil) throws -> Evaluation {
    var result = Evaluation(name: name, count: 0, firstTryPasses: 0, secondTryPasses: 0, meanReflectionLength: 0, meanAttemptLength: 0)
    result.reflectionSamples = max(0, reflectionSamples)
    var reflectionTokens = 0, reflections = 0, attemptTokens = 0
    let chunk = max(1, sampler.maxBatch)
    var start = 0
    while start < tasks.count {
        let part = Array(tasks[start..<min(start + chunk, tasks.count)])
        let s = seed &+ UInt64(start)
        let attempts = try sampler.attempts(part, sampling: sampling, seed: s)
        let failed = attempts.indices.filter { !attempts[$0].passed }
        let failedTasks = failed.map { part[$0] }
        let failedAttempts = failed.map { attempts[$0] }
        let reflected = try sampler.reflections(failedTasks, after: failedAttempts,
                                                sampling: reflectionSampling ?? sampling, seed: s &+ 1)
        let retried = try sampler.retries(failedTasks, after: reflected, sampling: sampling, seed: s &+ 2)
        var sampledPasses = [Int](repeating: 0, count: failed.count)
        for j in 0..<result.reflectionSamples where !failed.isEmpty {
            // Sample j's seeds sit 2^32 apart, clear of the chunk offsets above.
            let sj = s &+ UInt64(j + 1) &* 0x1_0000_0000
            let r = try sampler.reflections(failedTasks, after: failedAttempts, sampling: sampledReflection, seed: sj)
            let b = try sampler.retries(failedTasks, after: r, sampling: sampling, seed: sj &+ 1)
            for (i, turn) in b.enumerated() where turn.passed { sampledPasses[i] += 1 }
        }
        result.sampledRetryPasses += sampledPasses
        result.count += part.count
        result.firstTryPasses += attempts.count - failed.count
        result.secondTryPasses += attempts.count - failed.count + retried.filter(\.passed).count
        attemptTokens += attempts.reduce(0) { $0 + $1.tokens.count }
        reflectionTokens += reflected.reduce(0) { $0 + $1.tokens.count }
        reflections += reflected.count
        start += part.count
        progress?(start, tasks.count)
        if shouldStop?() == true { break }
    }
    result.meanReflectionLength = reflections == 0 ? 0 : Double(reflectionTokens) / Double(reflections)
    result.meanAttemptLength = result.count == 0 ? 0 : Double(attemptTokens) / Double(result.count)
    return result
}
