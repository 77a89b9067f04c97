import Foundation
import R3Models
import R3Plot
import R3Random
import R3Script
import R3Tasks
import R3Train

/// Binds R3Train into the language: the primitives of Reflect, Retry, Reward (`attempt`, `reflect`,
/// `retry`), failure mining (`failures`), the paper's evaluation (`evaluate`), warm-up data
/// (`reflectionDemonstrations`) and the GRPO trainer (`r3train`, in TrainRun.swift).
enum TrainLibrary {
    static func install(_ interp: Interpreter) {
        for builtin in primitives + [failures, evaluate, reflectionDemonstrations, TrainRun.r3train] { interp.define(builtin) }
    }

    static let samplingOptions = "temperature = 0, topP = 1, topK = 0, maxTokens = 64, seed = 0"
    static let samplingDoc = "Sampling: temperature (0 = greedy, the default), topP, topK, maxTokens (the turn's budget, also capped by the context), seed."

    static let primitives: [Builtin] = [
        Builtin("attempt(model, task, \(samplingOptions), verifier = nil, style = nil)",
                doc: "The first try: the model answers the task's prompt; returns a Turn with text, tokens, logprobs, passed, score and reason (the verifier's verdict). task: a Task or task record, or a Dataset / list of them (then a list of Turns, sampled as one batch). style: \"compact\" (plain text prompts such as `44 19 35>98:`, the default for tokenizers without a chat template) or \"chat\" (instruction prompts in the tokenizer's chat template, the default when it has one). verifier: a Verifier (default: the task kind's, reading answers in the prompt style). \(samplingDoc)") { a in
            try attempt(a)
        },
        Builtin("reflect(model, task, attempt, \(samplingOptions), prompt = nil)",
                doc: "The self-reflection after a failed attempt: the model reads the task, its attempt and the reflection prompt (default per task kind: `?` in compact style; in chat style \"You failed this task. Reflect on what went wrong...\"), and writes a reflection. Returns a Turn (role \"reflection\"; it has no verdict). prompt: another reflection prompt. task and attempt may be lists (one reflection each, sampled as one batch). \(samplingDoc)") { a in
            try reflect(a)
        },
        Builtin("retry(model, task, attempt, reflection, \(samplingOptions), prompt = nil)",
                doc: "The second try, with the whole conversation in context: the task, the failed attempt, the reflection, then the retry prompt (default: `!` in compact style; in chat style \"Now try the task again...\"). Returns a Turn judged by the attempt's verifier. The reflection must follow this attempt. task, attempt and reflection may be lists. \(samplingDoc)") { a in
            try retry(a)
        },
    ]

    // MARK: - attempt, reflect, retry

    static func attempt(_ a: Arguments) throws -> Value {
        let m = try TrainValues.model(a).model
        let (tasks, batch) = try TrainValues.episodeTasks(a)
        let format = try TrainValues.format(a, model: m, kind: tasks.first?.kind)
        let verifier = try TrainValues.verifier(a)
        let sampler = EpisodeSampler(model: m, format: format, verifier: verifier)
        let turns = try TrainValues.run(a) { try sampler.attempts(tasks, sampling: try TrainValues.sampling(a), seed: try TaskValues.seed(a)) }
        return TrainValues.turnsValue(turns, format: format, verifier: verifier, batch: batch)
    }

    static func reflect(_ a: Arguments) throws -> Value {
        let m = try TrainValues.model(a).model
        let (tasks, batch) = try TrainValues.episodeTasks(a)
        let attempts = try TrainValues.turns(a, "attempt", role: .attempt)
        guard attempts.count == tasks.count else { throw a.error("\(tasks.count) tasks but \(attempts.count) attempts") }
        var format = attempts[0].format
        if let p = try a.optionalString("prompt") {
            let base = format.reflectionPrompts(for: tasks[0])
            format.prompts = ReflectionPrompts(reflection: p, retry: base.retry)
        }
        let sampler = EpisodeSampler(model: m, format: format, verifier: attempts[0].verifier)
        let turns = try TrainValues.run(a) {
            try sampler.reflections(tasks, after: attempts.map(\.turn), sampling: try TrainValues.sampling(a), seed: try TaskValues.seed(a))
        }
        return TrainValues.turnsValue(turns, format: format, verifier: attempts[0].verifier, batch: batch)
    }

    static func retry(_ a: Arguments) throws -> Value {
        let m = try TrainValues.model(a).model
        let (tasks, batch) = try TrainValues.episodeTasks(a)
        let attempts = try TrainValues.turns(a, "attempt", role: .attempt)
        let reflections = try TrainValues.turns(a, "reflection", role: .reflection)
        guard attempts.count == tasks.count, reflections.count == tasks.count else {
            throw a.error("\(tasks.count) tasks, \(attempts.count) attempts and \(reflections.count) reflections: give one of each per task")
        }
        for (i, (at, r)) in zip(attempts, reflections).enumerated() where !r.turn.context.starts(with: at.turn.sequence) {
            throw a.error("reflection\(batch ? " \(i)" : "") does not follow this attempt: reflect on the attempt first, then retry with both")
        }
        var format = reflections[0].format
        if let p = try a.optionalString("prompt") {
            let base = format.reflectionPrompts(for: tasks[0])
            format.prompts = ReflectionPrompts(reflection: base.reflection, retry: p)
        }
        let verifier = reflections[0].verifier
        let sampler = EpisodeSampler(model: m, format: format, verifier: verifier)
        let turns = try TrainValues.run(a) {
            try sampler.retries(tasks, after: reflections.map(\.turn), sampling: try TrainValues.sampling(a), seed: try TaskValues.seed(a))
        }
        return TrainValues.turnsValue(turns, format: format, verifier: verifier, batch: batch)
    }

    // MARK: - failures, evaluate, warm-up data

    static let failures = Builtin("failures(model, tasks, samples = 1, keep = \"all\", temperature = nil, maxTokens = 64, seed = 0, verifier = nil, style = nil)",
                                  doc: "Failure mining, as in the paper: samples first attempts at every task and returns a Dataset of the tasks the model fails, each with its failed attempt (t.attempt); r3train reflects on those attempts. samples: attempts per task (the paper draws up to 64). keep: \"all\" keeps tasks where every sample failed, \"any\" tasks where at least one did. temperature: nil means greedy for one sample, 1 for several. Shows a progress bar on a terminal; Ctrl-C stops early and returns the failures found so far.") { a in
        let m = try TrainValues.model(a).model
        let tasks = try TrainValues.tasks(a, "tasks")
        let samples = try a.int("samples")
        guard samples >= 1 else { throw a.error("argument 'samples' must be at least 1, got \(samples)") }
        let keep = try a.string("keep")
        guard let rule = FailureMiningConfig.Rule(rawValue: keep) else {
            throw a.error("argument 'keep' must be \"all\" (every sample failed) or \"any\" (some sample failed), got \"\(keep)\"")
        }
        var sampling = TurnSampling(maxTokens: try a.int("maxTokens"), temperature: samples > 1 ? 1 : 0)
        if let t = try a.optionalNumber("temperature") {
            guard t >= 0 else { throw a.error("argument 'temperature' must be >= 0, got \(Formatter.number(t))") }
            sampling.temperature = t
        }
        guard sampling.maxTokens >= 1 else { throw a.error("argument 'maxTokens' must be at least 1") }
        let format = try TrainValues.format(a, model: m, kind: tasks.first?.kind)
        let verifier = try TrainValues.verifier(a)
        let sampler = EpisodeSampler(model: m, format: format, verifier: verifier)
        let bar = ProgressBar.forSession(of: a.interpreter, total: tasks.count, label: "failures")
        defer { bar.finish() }
        let mined = try TrainValues.run(a) {
            try mineFailures(sampler, tasks, config: FailureMiningConfig(samples: samples, rule: rule, sampling: sampling, seed: try TaskValues.seed(a)),
                             progress: { done, _ in bar.update(completed: done) },
                             shouldStop: { Interrupt.isRequested })
        }
        if mined.stopped {
            Interrupt.clear()
            a.interpreter.output("failures: stopped by Ctrl-C after \(mined.examined) of \(tasks.count) tasks\n")
        }
        return .native(DatasetObject(mined.failures.map { .native(FailedTaskObject($0, format: format, verifier: verifier)) }))
    }

    static let evaluate = Builtin("evaluate(model, tasks, name = nil, \(samplingOptions), verifier = nil, style = nil, reflectionPrompt = nil, retryPrompt = nil, reflectionSamples = 0, reflectionTemperature = 1)",
                                  doc: "The paper's evaluation: a first attempt at every task, and for each failure a reflection and a retry. Returns an Evaluation with firstTry and secondTry (accuracy in [0, 1]: passed on the first try; passed on the first try or the retry), count and reflectionLength (mean tokens). Greedy by default. name labels it in tables (default: the model's family and size). table([vanilla, trained]) prints the paper's layout: model | vanilla 1st try | vanilla 2nd try | trained 1st try | trained 2nd try. reflectionSamples: k > 0 also samples k reflections per failed task at reflectionTemperature, each with its own retry, and e.secondTryBestOf(j) (j <= k) gives the second-try accuracy if the best of j reflections counted (the unbiased pass@j estimator): how much a reflection trainer could gain. Shows a progress bar on a terminal; Ctrl-C stops early with the tasks done so far.") { a in
        let object = try TrainValues.model(a)
        let m = object.model
        let tasks = try TrainValues.tasks(a, "tasks")
        guard !tasks.isEmpty else { throw a.error("argument 'tasks' is empty: there is nothing to evaluate") }
        let format = try TrainValues.format(a, model: m, kind: tasks.first?.kind)
        let sampler = EpisodeSampler(model: m, format: format, verifier: try TrainValues.verifier(a))
        let name = try a.optionalString("name") ?? defaultName(m)
        let samples = try a.int("reflectionSamples")
        guard (0...1024).contains(samples) else { throw a.error("argument 'reflectionSamples' must be a whole number from 0 to 1024, got \(samples)") }
        let sampling = try TrainValues.sampling(a)
        var sampled = sampling
        sampled.temperature = try a.number("reflectionTemperature")
        guard sampled.temperature > 0, sampled.temperature.isFinite else {
            throw a.error("argument 'reflectionTemperature' must be a number > 0 (sampled reflections), got \(Formatter.number(sampled.temperature))")
        }
        let bar = ProgressBar.forSession(of: a.interpreter, total: tasks.count, label: "evaluate")
        defer { bar.finish() }
        let result = try TrainValues.run(a) {
            try R3Train.evaluate(sampler, tasks, name: name, sampling: sampling, reflectionSamples: samples, sampledReflection: sampled, seed: try TaskValues.seed(a),
                                 progress: { done, _ in bar.update(completed: done) }, shouldStop: { Interrupt.isRequested })
        }
        if result.count < tasks.count {
            Interrupt.clear()
            a.interpreter.output("evaluate: stopped by Ctrl-C after \(result.count) of \(tasks.count) tasks\n")
        }
        return .native(EvaluationObject(result))
    }

    /// `llama 0.82M`.
    static func defaultName(_ m: LanguageModel) -> String {
        let n = Double(m.parameterCount)
        let size = n >= 1e9 ? String(format: "%.1fB", n / 1e9) : n >= 1e6 ? String(format: "%.2fM", n / 1e6) : String(format: "%.0fK", n / 1e3)
        return "\(m.config.family.rawValue) \(size)"
    }

    static let reflectionDemonstrations = Builtin("reflectionDemonstrations(model, tasks, seed = 0, style = nil, reflectionPrompt = nil, retryPrompt = nil, wrongPlans = 0)",
                                                  doc: "Warm-up data that teaches a small model the reflect / retry format: for each task, a [\"prompt\": ..., \"completion\": ...] record laid out as the model's episodes are (task prompt, a wrong first attempt, the reflection prompt; then, trained, a reflection that works the answer out and a correct retry). Compact Countdown reflections are the steps of a solution (`44+19=63 63+35=98`); function-calling ones plan each call with its arguments (`get_weather(city=\"Oslo\")`), after an attempt with one mistake, half of the time a wrong argument value. wrongPlans: compact Countdown reflections first work out up to this many plans that miss the target, with their true results (`44-19=25 25+35=60 44+19=63 63+35=98`), so the model learns to check a plan's result and try another. Mix with ds.demonstrations() and pass to fit. Tasks without a solution are left out.") { a in
        let m = try TrainValues.model(a).model
        let tasks = try TrainValues.tasks(a, "tasks")
        let format = try TrainValues.format(a, model: m, kind: tasks.first?.kind)
        var rng = RandomGenerator(seed: try TaskValues.seed(a))
        let wrongPlans = try a.int("wrongPlans")
        guard (0...8).contains(wrongPlans) else { throw a.error("argument 'wrongPlans' must be a whole number from 0 to 8, got \(wrongPlans)") }
        var out: [Value] = []
        for task in tasks {
            try Interrupt.check()
            guard let demo = format.template.reflectionDemonstration(task, wrongPlans: wrongPlans, rng: &rng) else { continue }
            let e = format.warmupExample(demo, kind: task.kind)
            out.append(.dict(DictObject([("prompt", .string(e.prompt)), ("completion", .string(e.completion))])))
        }
        return .list(ListObject(out))
    }
}
