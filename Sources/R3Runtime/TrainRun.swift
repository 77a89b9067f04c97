import Foundation
import R3Models
import R3Plot
import R3Script
import R3Tasks
import R3Train

/// `r3train(model, failedTasks, ...)`: the Reflect, Retry, Reward trainer (GRPO on the reflection
/// tokens) in the language, with a progress bar, live curves at the REPL, checkpoints, resume and
/// Ctrl-C as a clean stop.
enum TrainRun {
    static let r3train = Builtin(
        "r3train(model, tasks, steps = 200, group = 8, tasksPerStep = 8, lr = 1e-5, warmup = nil, clip = 1.0, weightDecay = 0, beta = 0.001, epsilon = 0.2, epsilonHigh = nil, iterations = 1, scaleRewards = \"group\", loss = \"token\", rewardSpan = \"reflection\", mode = \"reflect\", attempts = \"mined\", dynamicSampling = false, maxDraws = nil, graded = false, temperature = 1, topP = 1, topK = 0, maxTokens = 64, attemptTemperature = 1, retryTemperature = 0, microBatch = 32, evalTasks = nil, evalEvery = 0, checkpointEvery = 0, checkpointDir = nil, keep = 2, resume = nil, reference = nil, inPlace = false, verifier = nil, style = nil, reflectionPrompt = nil, retryPrompt = nil, seed = 0, live = [\"reward\"])",
        doc: """
        Trains with Reflect, Retry, Reward (GRPO) and returns a TrainingRun: run.model (the trained model), run.log (metrics, one record per step), run.steps, run.stopped, run.checkpoint. \
        Each step takes tasksPerStep failed tasks (what failures(model, tasks) returns: each with its failed attempt), samples `group` reflections after each failed attempt and a retry after each reflection; the retry's verdict is the reward; advantages are (r - mean) / (std + 1e-4) within the group (scaleRewards: "group", "batch" or "none"); the clipped-ratio loss (epsilon, epsilonHigh) plus beta times the k3 KL to the frozen reference trains the reflection tokens only (rewardSpan: "reflection+retry" also trains the retry), in the exact token context they were sampled in; loss: "token" (mean over all trained tokens) or "sequence" (per sequence, then over sequences); iterations: updates per batch against the log-probs saved at sampling. AdamW with lr, warmup (nil: 10% of the steps, at most 100), weightDecay, global-norm clip. \
        mode: "reflect" (the paper) or "plain" (standard GRPO on first attempts, for comparison). attempts: "mined" reflects on the attempt failure mining recorded; "fresh" samples a new first attempt each time (tasks the model now passes are skipped). dynamicSampling: true drops groups whose rewards are all equal and draws more tasks (at most maxDraws per step, default 4 x tasksPerStep). graded: reward from the verifier's score instead of pass/fail. \
        Sampling: temperature, topP, topK for reflections; attemptTemperature for fresh attempts; retryTemperature (0: greedy) for retries; maxTokens per turn. \
        The model is copied (inPlace: true trains it in place); the original is the KL reference unless `reference` is given (beta 0: no reference). evalTasks with evalEvery: N logs eval/first_try and eval/second_try (greedy) every N steps, at step 0 and at the end. checkpointEvery: N writes checkpointDir/checkpoint-<step> (policy as a Hugging Face folder, optimizer, trainer state, metrics.csv; the reference once in checkpointDir/reference); resume: a checkpoint or its directory continues bit-identically. \
        Log columns (TRL names where they exist): reward, reward_std, frac_reward_zero_std, retry_accuracy, first_try (fresh attempts), reflection/mean_length, retry/mean_length, completions/mean_length, groups, tasks_drawn, loss, grad_norm, kl, entropy, clip_ratio/low_mean, clip_ratio/high_mean, clip_ratio/region_mean, num_tokens, learning_rate, tokens_per_second, step_time (and its parts time/sampling, time/reference, time/update). \
        On a terminal: a progress bar and live curves of the `live` columns (live: [] or nil turns them off). Ctrl-C stops after the current step (with a checkpoint when checkpointing) and returns run.stopped = true. A loss that is not finite stops the run before the weights change, naming the step and the last good checkpoint.
        """) { a in
        try train(a)
    }

    static func train(_ a: Arguments) throws -> Value {
        let modelObject = try TrainValues.model(a)
        let original = modelObject.model
        let tasks = try TrainValues.failedTasks(a, "tasks")
        guard !tasks.isEmpty else {
            throw a.error("there are no failed tasks to train on: the model passes every task on the first try (or the task list is empty); nothing to train")
        }
        let config = try trainConfig(a)
        let format = try TrainValues.format(a, model: original, kind: tasks.first?.task.kind)
        let verifier = try TrainValues.verifier(a)
        let evalTasks = a.isGiven("evalTasks") ? try TrainValues.tasks(a, "evalTasks") : []

        let inPlace = try a.bool("inPlace")
        var reference: LanguageModel?
        if config.beta > 0 {
            if a.isGiven("reference") {
                reference = try TrainValues.model(a, "reference").model
            } else if inPlace {
                reference = try TrainValues.run(a) { try original.copied() }
            } else {
                reference = original
            }
        }
        let policy = inPlace ? original : try TrainValues.run(a) { try original.copied() }
        if let dir = config.checkpointDirectory, a.isGiven("resume"), config.beta > 0, !a.isGiven("reference") {
            // The frozen reference of the interrupted run, when it was saved.
            let saved = URL(fileURLWithPath: dir).appendingPathComponent("reference").path
            if FileManager.default.fileExists(atPath: saved + "/config.json") {
                reference = try TrainValues.run(a) { try LanguageModel.load(saved) }
            }
        }
        let metrics = MetricsObject()
        let trainer = try TrainValues.run(a) {
            try GRPOTrainer(policy: policy, reference: reference, tasks: tasks, config: config, format: format,
                            verifier: verifier, evalTasks: evalTasks, log: metrics.log)
        }
        if let resume = try a.optionalString("resume") {
            try TrainValues.run(a) { try trainer.resume(from: resume) }
        }

        let bar = ProgressBar.forSession(of: a.interpreter, total: config.steps, label: "r3train")
        defer { bar.finish() }
        let live = try liveCurves(a, log: metrics.log)
        defer { try? live?.finish() }
        let result = try TrainValues.run(a) {
            try trainer.run(onStep: { record in
                let shown = ["reward", "kl", "loss"].compactMap { name in record[name].map { (name, $0) } }
                bar.update(completed: record.step, metrics: shown)
            }, shouldStop: { Interrupt.isRequested })
        }
        // The live plot redraws by moving the cursor up over its last frame: its final frame goes
        // first, then the bar's last line, then any message.
        try? live?.finish()
        bar.finish()
        if result.stopped {
            Interrupt.clear()
            a.interpreter.output("r3train: stopped by Ctrl-C after step \(result.step) of \(config.steps)"
                + (result.lastCheckpoint.map { "; checkpoint \($0)" } ?? "") + "\n")
        }
        let trained = inPlace ? modelObject : ModelObject(policy)
        return .native(TrainingRunObject(model: trained, log: metrics, result: result, taskCount: tasks.count))
    }

    /// Live terminal curves of the `live` columns, on a terminal only; `live: []` or `nil` turns them off.
    static func liveCurves(_ a: Arguments, log: MetricsLog) throws -> LivePlot? {
        if case .list(let l) = a["live"], l.items.isEmpty { return nil }
        let columns = a.isGiven("live") ? try PlotValues.names(a["live"], "live", in: a) : []
        guard !columns.isEmpty, Display.current == nil, PlotSession.of(a.interpreter)?.reachesTerminal == true,
              isatty(STDOUT_FILENO) == 1 else { return nil }
        let live: LivePlot
        do {
            live = try LivePlot(log: log, columns: columns, every: 5, smoothing: 0.6,
                                output: TerminalOutput(handle: .standardOutput, isTTY: true))
        } catch { throw a.error("argument 'live': \(error)") }
        live.attach()
        return live
    }

    /// The GRPOConfig of the arguments, each checked with the argument's name.
    static func trainConfig(_ a: Arguments) throws -> GRPOConfig {
        func choice<T: RawRepresentable>(_ name: String, _ type: T.Type, _ allowed: String) throws -> T where T.RawValue == String {
            let s = try a.string(name)
            guard let v = T(rawValue: s) else { throw a.error("argument '\(name)' must be \(allowed), got \"\(s)\"") }
            return v
        }
        func positive(_ name: String) throws -> Int {
            let n = try a.int(name)
            guard n >= 1 else { throw a.error("argument '\(name)' must be at least 1, got \(n)") }
            return n
        }
        var c = GRPOConfig()
        c.mode = try choice("mode", GRPOConfig.Mode.self, "\"reflect\" (the paper) or \"plain\" (GRPO on first attempts)")
        c.attempts = try choice("attempts", GRPOConfig.AttemptSource.self, "\"mined\" or \"fresh\"")
        c.rewardSpan = try choice("rewardSpan", GRPOConfig.RewardSpan.self, "\"reflection\" or \"reflection+retry\"")
        c.scaleRewards = try choice("scaleRewards", GRPOConfig.RewardScaling.self, "\"group\", \"batch\" or \"none\"")
        c.loss = try choice("loss", GRPOConfig.LossAggregation.self, "\"token\" or \"sequence\"")
        c.steps = try positive("steps")
        c.group = try a.int("group")
        guard c.group >= 2 else { throw a.error("argument 'group' must be at least 2 (advantages compare the members of a group), got \(c.group)") }
        c.tasksPerStep = try positive("tasksPerStep")
        c.iterations = try positive("iterations")
        c.microBatch = try positive("microBatch")
        c.epsilon = try a.number("epsilon")
        c.epsilonHigh = try a.optionalNumber("epsilonHigh")
        c.beta = try a.number("beta")
        c.dynamicSampling = try a.bool("dynamicSampling")
        c.maxDrawsPerStep = try a.optionalInt("maxDraws")
        c.gradedReward = try a.bool("graded")
        c.reflection = try TrainValues.sampling(a)
        c.attempt = try TrainValues.sampling(a, temperature: "attemptTemperature")
        c.retry = try TrainValues.sampling(a, temperature: "retryTemperature")
        c.evalEvery = try TaskValues.count(a, "evalEvery")
        c.checkpointEvery = try TaskValues.count(a, "checkpointEvery")
        c.checkpointDirectory = try a.optionalString("checkpointDir")
        if c.checkpointEvery > 0 && c.checkpointDirectory == nil { throw a.error("checkpointEvery: \(c.checkpointEvery) needs a checkpointDir") }
        c.keepCheckpoints = try positive("keep")
        c.seed = try TaskValues.seed(a)
        var o = OptimizerConfig(learningRate: try a.number("lr"), minLearningRateRatio: 1, weightDecay: try a.number("weightDecay"))
        guard o.learningRate > 0, o.learningRate.isFinite else { throw a.error("argument 'lr' must be a positive number, got \(Formatter.number(o.learningRate))") }
        guard o.weightDecay >= 0 else { throw a.error("argument 'weightDecay' must be >= 0") }
        o.warmupSteps = try a.optionalInt("warmup")
        if let w = o.warmupSteps, w < 0 { throw a.error("argument 'warmup' must be >= 0, got \(w)") }
        o.maxGradNorm = try a.optionalNumber("clip")
        if let g = o.maxGradNorm, !(g > 0) { throw a.error("argument 'clip' must be a positive number (or nil for no clipping)") }
        c.optimizer = o
        do { try c.validate() } catch let e as TrainError { throw a.error(e.message) }
        return c
    }
}
