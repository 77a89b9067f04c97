import Foundation
import R3Models
import R3Plot
import R3Tasks

extension GRPOTrainer {
    /// Runs one step (sampling, rewards, `config.iterations` updates), adds its record to `log`
    /// and returns it.
    func trainStep() throws -> MetricsLog.Record {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let nextStep = step + 1
        let sampled = try sampleGroups()
        let t1 = DispatchTime.now().uptimeNanoseconds
        var t2 = t1
        let groups = sampled.kept
        let rewards = groups.flatMap(\.rewards)
        let advantages = groupAdvantages(rewards, groupSize: config.group, scaling: config.scaleRewards)
        var rollouts: [Rollout] = []
        for (g, group) in groups.enumerated() {
            for i in group.completions.indices {
                rollouts.append(Rollout(group: group, number: g, index: i, span: config.rewardSpan,
                                        advantage: advantages[g * config.group + i]))
            }
        }
        let lr = config.optimizer.learningRate(step: nextStep, totalSteps: config.steps)
        var update = PolicyUpdate()
        if rollouts.contains(where: { $0.trainedCount > 0 }) {
            let references = try referenceLogprobs(rollouts)
            t2 = DispatchTime.now().uptimeNanoseconds
            for iteration in 0..<config.iterations {
                let u = try optimize(rollouts, references: references, learningRate: lr, step: nextStep)
                if iteration == 0 { update = u }
            }
        }
        step = nextStep
        let t3 = DispatchTime.now().uptimeNanoseconds
        let seconds = Double(t3 - t0) / 1e9
        var values = sampled.metrics(mode: config.mode)
        values += update.metrics
        values += [("learning_rate", lr), ("tokens_per_second", Double(sampled.sampledTokens) / seconds), ("step_time", seconds),
                   ("time/sampling", Double(t1 - t0) / 1e9), ("time/reference", Double(t2 - t1) / 1e9),
                   ("time/update", Double(t3 - t2) / 1e9)]
        if config.evalEvery > 0 && !evalTasks.isEmpty && (step % config.evalEvery == 0 || step == config.steps) {
            values += try evaluationMetrics()
        }
        log.add(step: step, values)
        return MetricsLog.Record(step: step, values: values)
    }

    /// Draws tasks until `tasksPerStep` groups are kept or `drawLimit` tasks were drawn.
    func sampleGroups() throws -> SampledGroups {
        var s = SampledGroups()
        let G = config.group
        while s.kept.count < config.tasksPerStep && s.drawn < config.drawLimit {
            // Refills (dynamic sampling, or tasks whose fresh attempt passed) draw twice what is
            // missing, so a step needs few sampling rounds; groups beyond tasksPerStep are dropped.
            let need = config.tasksPerStep - s.kept.count
            let n = min(s.drawn == 0 ? need : 2 * need, config.drawLimit - s.drawn)
            let drawn = cursor.next(n).map { tasks[$0] }
            let batch = drawn.map(\.task)
            s.drawn += n
            var groups: [Group] = []
            switch config.mode {
            case .reflect:
                var attempts = drawn.map { config.attempts == .mined ? $0.attempt : nil }
                let missing = attempts.indices.filter { attempts[$0] == nil }
                if !missing.isEmpty {
                    let fresh = try sampler.attempts(missing.map { batch[$0] }, sampling: config.attempt, seed: rng.next())
                    for (i, turn) in zip(missing, fresh) { attempts[i] = turn }
                    s.attempts += fresh
                }
                let failed = attempts.indices.compactMap { i in attempts[i].flatMap { $0.passed ? nil : (i, $0) } }
                let groupTasks = failed.flatMap { Array(repeating: batch[$0.0], count: G) }
                let groupAttempts = failed.flatMap { Array(repeating: $0.1, count: G) }
                let reflections = try sampler.reflections(groupTasks, after: groupAttempts, sampling: config.reflection, seed: rng.next())
                let retries = try sampler.retries(groupTasks, after: reflections, sampling: config.retry, seed: rng.next())
                s.reflections += reflections
                s.retries += retries
                for (k, (i, attempt)) in failed.enumerated() {
                    let r = Array(retries[(k * G)..<((k + 1) * G)])
                    groups.append(Group(task: batch[i], attempt: attempt, completions: Array(reflections[(k * G)..<((k + 1) * G)]),
                                        retries: r, rewards: r.map(reward)))
                }
            case .plain:
                let groupTasks = batch.flatMap { Array(repeating: $0, count: G) }
                let attempts = try sampler.attempts(groupTasks, sampling: config.attempt, seed: rng.next())
                s.attempts += attempts
                for (k, task) in batch.enumerated() {
                    let a = Array(attempts[(k * G)..<((k + 1) * G)])
                    groups.append(Group(task: task, attempt: nil, completions: a, retries: [], rewards: a.map(reward)))
                }
            }
            for group in groups {
                s.all.append(group)
                if (group.hasSignal || !config.dynamicSampling) && s.kept.count < config.tasksPerStep { s.kept.append(group) }
            }
            if config.mode == .plain && !config.dynamicSampling { break }
        }
        return s
    }

    func reward(_ turn: Turn) -> Double {
        config.gradedReward ? (turn.verdict?.score ?? 0) : (turn.passed ? 1 : 0)
    }

    /// The reference model's log-probs of every trained token, per rollout (nil without a reference).
    func referenceLogprobs(_ rollouts: [Rollout]) throws -> [[Float]]? {
        guard let reference else { return nil }
        var out = [[Float]](repeating: [], count: rollouts.count)
        for members in microBatches(rollouts) {
            let packed = try pack(rollouts, members)
            let lp = try reference.logprobs(packed.batch, targets: packed.targets).logprobs
            for (r, at) in packed.trained { out[r] = at.map { lp[$0] } }
        }
        return out
    }

    /// One update: forward and backward over the micro-batches, then clipping and an AdamW step.
    func optimize(_ rollouts: [Rollout], references: [[Float]]?, learningRate lr: Double, step: Int) throws -> PolicyUpdate {
        let weights = lossWeights(rollouts)
        let epsLow = config.epsilon, epsHigh = config.epsilonHigh ?? config.epsilon
        var u = PolicyUpdate()
        policy.zeroGradients()
        for members in microBatches(rollouts) {
            let packed = try pack(rollouts, members)
            let out = try policy.forwardForTraining(packed.batch, targets: packed.targets, entropy: true)
            var d = [Float](repeating: 0, count: packed.targets.count)
            for (r, positions) in packed.trained {
                let rollout = rollouts[r]
                for (k, at) in positions.enumerated() {
                    let t = TokenLoss(logprob: Double(out.logprobs[at]), old: Double(rollout.oldLogprobs[k]),
                                      reference: references.map { Double($0[r][k]) }, advantage: rollout.advantage,
                                      epsilonLow: epsLow, epsilonHigh: epsHigh, beta: config.beta)
                    d[at] = Float(weights[r] * t.derivative)
                    u.loss += weights[r] * t.loss
                    u.add(t, entropy: Double(out.entropy?[at] ?? 0))
                }
            }
            guard u.loss.isFinite else { throw nonFinite("loss", step: step) }
            try policy.backward(dLogprobs: d)
        }
        let norm = AdamW.gradientNorm(policy)
        guard norm.isFinite else { throw nonFinite("gradient norm", step: step) }
        optimizer.update(policy, learningRate: lr, gradNorm: norm)
        u.gradNorm = norm
        return u
    }

    func nonFinite(_ what: String, step: Int) -> TrainError {
        let last = lastCheckpoint.map { "; the last good checkpoint is \($0)" } ?? " (no checkpoint was written)"
        return TrainError("the \(what) is not finite at step \(step); training stopped before updating the weights\(last)")
    }

    /// Per-rollout weight of each trained token's loss: 1 / (all trained tokens) for token-mean,
    /// 1 / (rollouts x the rollout's tokens) for sequence-mean.
    func lossWeights(_ rollouts: [Rollout]) -> [Double] {
        switch config.loss {
        case .token:
            let total = rollouts.reduce(0) { $0 + $1.trainedCount }
            return rollouts.map { _ in 1 / Double(max(total, 1)) }
        case .sequence:
            return rollouts.map { 1 / (Double(rollouts.count) * Double(max($0.trainedCount, 1))) }
        }
    }

    /// Rollout indices per forward pass: whole groups (shortest first), about `microBatch` rollouts each.
    /// Rollouts without trained tokens are left out: an empty turn after a conversation that filled
    /// the context has nothing to score, and its context may be longer than the model's.
    func microBatches(_ rollouts: [Rollout]) -> [[Int]] {
        var groups: [Int: [Int]] = [:]
        for (i, r) in rollouts.enumerated() where r.trainedCount > 0 { groups[r.group, default: []].append(i) }
        let size = { (g: [Int]) in g.reduce(0) { $0 + rollouts[$1].tokens.count } }
        let ordered = groups.values.sorted { (size($0), $0[0]) < (size($1), $1[0]) }
        var out: [[Int]] = [], current: [Int] = []
        for g in ordered {
            for chunk in stride(from: 0, to: g.count, by: config.microBatch).map({ Array(g[$0..<min($0 + config.microBatch, g.count)]) }) {
                if !current.isEmpty && current.count + chunk.count > config.microBatch {
                    out.append(current)
                    current = []
                }
                current += chunk
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The rollouts `members` packed group by group (the shared context once per row).
    func pack(_ rollouts: [Rollout], _ members: [Int]) throws -> PackedBatch {
        try PackedBatch(rollouts, members: members, padToken: policy.tokenizer.padTokenId ?? policy.tokenizer.eosTokenId ?? 0,
                        rowLimit: max(policy.config.maxPositions, 512))
    }
}

/// What one step sampled.
struct SampledGroups {
    var drawn = 0
    var all: [Group] = []
    var kept: [Group] = []
    var attempts: [Turn] = []
    var reflections: [Turn] = []
    var retries: [Turn] = []

    var sampledTokens: Int { (attempts + reflections + retries).reduce(0) { $0 + $1.tokens.count } }

    func metrics(mode: GRPOConfig.Mode) -> [(String, Double)] {
        func mean(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count) }
        func length(_ turns: [Turn]) -> Double { mean(turns.map { Double($0.tokens.count) }) }
        let rewards = all.flatMap(\.rewards)
        let completions = all.flatMap(\.completions)
        var m: [(String, Double)] = [
            ("reward", mean(rewards)),
            ("reward_std", mean(all.map { standardDeviation($0.rewards[...]) })),
            ("frac_reward_zero_std", all.isEmpty ? 0 : Double(all.filter { !$0.hasSignal }.count) / Double(all.count)),
        ]
        // Fresh first attempts only (mined ones failed by construction).
        if !attempts.isEmpty { m.append(("first_try", mean(attempts.map { $0.passed ? 1 : 0 }))) }
        if mode == .reflect {
            m.append(("retry_accuracy", mean(retries.map { $0.passed ? 1 : 0 })))
            m.append(("reflection/mean_length", length(reflections)))
            m.append(("retry/mean_length", length(retries)))
        }
        if !attempts.isEmpty { m.append(("attempt/mean_length", length(attempts))) }
        m.append(("completions/mean_length", length(completions)))
        m.append(("groups", Double(kept.count)))
        m.append(("tasks_drawn", Double(drawn)))
        return m
    }
}

/// What one update measured (over its trained tokens).
struct PolicyUpdate {
    var loss = 0.0
    var gradNorm = 0.0
    var tokens = 0
    var kl = 0.0
    var entropy = 0.0
    var clippedLow = 0
    var clippedHigh = 0

    mutating func add(_ t: TokenLoss, entropy e: Double) {
        tokens += 1
        kl += t.kl
        entropy += e
        if t.clippedLow { clippedLow += 1 }
        if t.clippedHigh { clippedHigh += 1 }
    }

    var metrics: [(String, Double)] {
        let n = Double(max(tokens, 1))
        return [("loss", loss), ("grad_norm", gradNorm), ("kl", kl / n), ("entropy", entropy / n),
                ("clip_ratio/low_mean", Double(clippedLow) / n), ("clip_ratio/high_mean", Double(clippedHigh) / n),
                ("clip_ratio/region_mean", Double(clippedLow + clippedHigh) / n), ("num_tokens", Double(tokens))]
    }
}
