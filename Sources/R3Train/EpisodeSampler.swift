import R3Models
import R3Random
import R3Tasks

/// Sampling settings of one kind of model turn, with documented defaults.
public struct TurnSampling: Sendable, Equatable {
    /// New tokens at most (default 64; also capped by the room left in the context).
    public var maxTokens: Int
    /// Softmax temperature; 0 is greedy (default 0).
    public var temperature: Double
    /// Nucleus sampling threshold (1 = off; default 1).
    public var topP: Double
    /// Keep the k most likely tokens (0 = off; default 0).
    public var topK: Int
    /// End the turn at the layout's turn end and at stop tokens (default true); false samples exactly
    /// `maxTokens` tokens (benchmarks that must match a peer's token count).
    public var stopsAtTurnEnd: Bool

    public init(maxTokens: Int = 64, temperature: Double = 0, topP: Double = 1, topK: Int = 0, stopsAtTurnEnd: Bool = true) {
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.stopsAtTurnEnd = stopsAtTurnEnd
    }
}

/// The three primitives of Reflect, Retry, Reward, batched: first attempts, self-reflections after
/// failed attempts, and retries with the reflection in context. Each returns one `Turn` per input,
/// in order; attempts and retries carry the verifier's verdict.
///
///     let sampler = EpisodeSampler(model: model, format: EpisodeFormat(for: model))
///     let a = try sampler.attempts(tasks, sampling: TurnSampling(), seed: 1)
///     let r = try sampler.reflections(tasks, after: a, sampling: TurnSampling(temperature: 1), seed: 2)
///     let b = try sampler.retries(tasks, after: r, sampling: TurnSampling(), seed: 3)
public struct EpisodeSampler {
    public let model: LanguageModel
    public let format: EpisodeFormat
    /// Judges attempts and retries; nil uses the format's verifier for each task's kind.
    public let verifier: Verifier?
    /// Sequences per `sample` call at most (default 256); fewer when their KV cache would pass
    /// `cacheBudget` floats.
    public var maxBatch: Int
    /// Floats the KV cache of one `sample` call may take (default 128M, 512 MB).
    public var cacheBudget: Int = 128 << 20

    public init(model: LanguageModel, format: EpisodeFormat, verifier: Verifier? = nil, maxBatch: Int = 256) {
        self.model = model
        self.format = format
        self.verifier = verifier
        self.maxBatch = maxBatch
    }

    /// The verdict of `output` on `task`.
    public func verify(_ task: AnyTask, _ output: String) -> Verdict {
        (verifier ?? format.verifier(for: task)).verify(task, output)
    }

    /// First attempts at `tasks`.
    /// - Throws: a `TrainError` naming the task when its prompt leaves no room in the context.
    public func attempts(_ tasks: [AnyTask], sampling: TurnSampling, seed: UInt64) throws -> [Turn] {
        let contexts = try tasks.enumerated().map { i, task -> [Int] in
            let ids = try format.attemptContext(task, tokenizer: model.tokenizer)
            guard ids.count < model.config.maxPositions else {
                throw TrainError("task \(i) (\(task)): its prompt has \(ids.count) tokens, which leaves no room for an answer in the model's context of \(model.config.maxPositions) tokens")
            }
            return ids
        }
        let turns = try generate(.attempt, contexts: contexts, sampling: sampling, seed: seed)
        return zip(tasks, turns).map { task, turn in judged(turn, task) }
    }

    /// One self-reflection after each failed attempt: `attempts[i]` is the attempt at `tasks[i]`.
    /// Repeat a (task, attempt) pair to draw several reflections on it (a GRPO group).
    public func reflections(_ tasks: [AnyTask], after attempts: [Turn], sampling: TurnSampling, seed: UInt64) throws -> [Turn] {
        try require(tasks.count == attempts.count, "reflections: \(tasks.count) tasks but \(attempts.count) attempts")
        let contexts = try zip(tasks, attempts).map { task, attempt in
            attempt.sequence + (try format.nextPrompt(after: attempt, userText: format.reflectionPrompts(for: task).reflection,
                                                      tokenizer: model.tokenizer))
        }
        return try generate(.reflection, contexts: contexts, sampling: sampling, seed: seed)
    }

    /// One retry after each reflection, with the task, the failed attempt and the reflection in context.
    public func retries(_ tasks: [AnyTask], after reflections: [Turn], sampling: TurnSampling, seed: UInt64) throws -> [Turn] {
        try require(tasks.count == reflections.count, "retries: \(tasks.count) tasks but \(reflections.count) reflections")
        let contexts = try zip(tasks, reflections).map { task, reflection in
            reflection.sequence + (try format.nextPrompt(after: reflection, userText: format.reflectionPrompts(for: task).retry,
                                                         tokenizer: model.tokenizer))
        }
        let turns = try generate(.retry, contexts: contexts, sampling: sampling, seed: seed)
        return zip(tasks, turns).map { task, turn in judged(turn, task) }
    }

    private func judged(_ turn: Turn, _ task: AnyTask) -> Turn {
        var t = turn
        if t.tokens.isEmpty && !t.endedNormally {
            t.verdict = .fail("no room left for this turn: the conversation before it has \(t.context.count) tokens and the model's context holds \(model.config.maxPositions)")
        } else {
            var verdict = verify(task, t.text)
            let limit = model.config.maxPositions
            if !verdict.passed, !t.endedNormally, t.context.count + t.tokens.count >= limit {
                verdict.reason += " (the turn was cut off by the end of the model's context, \(limit) tokens)"
            }
            t.verdict = verdict
        }
        return t
    }

    /// Samples one turn after each context, `maxBatch` at a time. A context that fills the model's
    /// context length gets an empty turn that finished by length.
    private func generate(_ role: Turn.Role, contexts: [[Int]], sampling: TurnSampling, seed: UInt64) throws -> [Turn] {
        var turns = contexts.map { Turn(role: role, context: $0, tokens: [], logprobs: [], text: "", finishReason: .length) }
        let open = contexts.indices.filter { contexts[$0].count < model.config.maxPositions }
        var seeds = RandomGenerator(seed: seed)
        let c = model.config
        let longest = min(c.maxPositions, (open.map { contexts[$0].count }.max() ?? 0) + sampling.maxTokens)
        let perRow = max(1, c.numLayers * 2 * c.numKVHeads * c.headDim * longest)
        let rows = max(1, min(maxBatch, cacheBudget / perRow))
        var start = 0
        while start < open.count {
            let chunk = Array(open[start..<min(start + rows, open.count)])
            let config = SamplingConfig(maxNewTokens: sampling.maxTokens, temperature: sampling.temperature, topK: sampling.topK,
                                        topP: sampling.topP, stop: sampling.stopsAtTurnEnd ? format.stopStrings() : [],
                                        stopAtEOS: sampling.stopsAtTurnEnd, seed: seeds.next())
            let gens = try sample(model, promptTokens: chunk.map { contexts[$0] }, config: config)
            for (i, g) in zip(chunk, gens) {
                turns[i].tokens = g.tokens
                turns[i].logprobs = g.logprobs
                turns[i].text = g.text
                turns[i].finishReason = g.finishReason
            }
            start += rows
        }
        return turns
    }
}

/// Throws a `TrainError` with `message` unless `condition` holds.
func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
    if !condition { throw TrainError(message()) }
}
