import Foundation
import R3Models
import R3Script
import R3Tasks
import R3Train

/// Conversions between the language's values and R3Train's types, with errors that name the
/// builtin and the argument.
enum TrainValues {
    static func model(_ a: Arguments, _ name: String = "model") throws -> ModelObject {
        try a.native(name, as: ModelObject.self, described: "a Model")
    }

    /// The episode format of a call: the model's default (compact prompts in plain text for a
    /// tokenizer without a chat template, chat prompts in its chat layout otherwise), with `style`,
    /// `reflectionPrompt` and `retryPrompt` when the builtin has them and they are given.
    static func format(_ a: Arguments, model: LanguageModel, kind: TaskKind?) throws -> EpisodeFormat {
        var style: PromptStyle?
        if a.has("style"), a.isGiven("style") { style = try TaskValues.style(a) }
        var format = EpisodeFormat(for: model, style: style)
        try applyPrompts(a, to: &format, kind: kind)
        return format
    }

    /// Replaces the reflect / retry texts with the `reflectionPrompt` / `retryPrompt` arguments.
    static func applyPrompts(_ a: Arguments, to format: inout EpisodeFormat, kind: TaskKind?,
                             reflection: String = "reflectionPrompt", retry: String = "retryPrompt") throws {
        let r = a.has(reflection) ? try a.optionalString(reflection) : nil
        let t = a.has(retry) ? try a.optionalString(retry) : nil
        guard r != nil || t != nil else { return }
        let base = format.prompts ?? format.template.reflection(for: kind ?? .text)
        format.prompts = ReflectionPrompts(reflection: r ?? base.reflection, retry: t ?? base.retry)
    }

    /// The sampling settings of a turn from `temperature`, `topP`, `topK` and `maxTokens`
    /// (or the names given).
    static func sampling(_ a: Arguments, temperature: String = "temperature", maxTokens: String = "maxTokens") throws -> TurnSampling {
        let t = try a.number(temperature)
        guard t >= 0, t.isFinite else { throw a.error("argument '\(temperature)' must be a number >= 0 (0 is greedy), got \(Formatter.number(t))") }
        let n = try a.int(maxTokens)
        guard n >= 1 else { throw a.error("argument '\(maxTokens)' must be at least 1, got \(n)") }
        var s = TurnSampling(maxTokens: n, temperature: t)
        if a.has("topP") {
            s.topP = try a.number("topP")
            guard s.topP > 0 && s.topP <= 1 else { throw a.error("argument 'topP' must be in (0, 1], got \(Formatter.number(s.topP))") }
        }
        if a.has("topK") { s.topK = try TaskValues.count(a, "topK") }
        return s
    }

    /// The `verifier` argument as an R3Tasks verifier (nil: the format's verifier per task kind).
    static func verifier(_ a: Arguments) throws -> Verifier? {
        guard a.isGiven("verifier") else { return nil }
        return try a.native("verifier", as: VerifierObject.self, described: "a Verifier").verifier(in: a.interpreter)
    }

    /// The items of a Dataset or list argument, or nil when the argument is a single value.
    static func items(_ value: Value) -> [Value]? {
        switch value {
        case .list(let l): return l.items
        case .native(let d as DatasetObject): return d.items
        default: return nil
        }
    }

    /// A task list argument: a Dataset, a list of tasks or task records.
    static func tasks(_ a: Arguments, _ name: String) throws -> [AnyTask] {
        guard let items = items(a[name]) else {
            throw a.error("argument '\(name)' must be a Dataset or a list of tasks, got \(a[name].typeName)")
        }
        return try items.enumerated().map { i, item in
            do { return try TaskValues.task(item) } catch let e as ScriptError { throw a.error("argument '\(name)', item \(i): \(e.message)") }
        }
    }

    /// The `task` argument of attempt, reflect and retry: one task, or a Dataset or list of them
    /// (`batch`), sampled as one batch.
    static func episodeTasks(_ a: Arguments) throws -> (tasks: [AnyTask], batch: Bool) {
        let batch = items(a["task"]) != nil
        return (batch ? try tasks(a, "task") : [try TaskValues.task(a, "task")], batch)
    }

    /// Sampled turns as the language sees them: one Turn, or a list when the tasks came as a batch.
    static func turnsValue(_ turns: [Turn], format: EpisodeFormat, verifier: Verifier?, batch: Bool) -> Value {
        let objects = turns.map { Value.native(TurnObject($0, format: format, verifier: verifier)) }
        return batch ? .list(ListObject(objects)) : objects[0]
    }

    /// A training task list: failed tasks keep the attempt failure mining recorded.
    static func failedTasks(_ a: Arguments, _ name: String) throws -> [FailedTask] {
        guard let items = items(a[name]) else {
            throw a.error("argument '\(name)' must be a Dataset or a list of tasks (what failures(model, tasks) returns), got \(a[name].typeName)")
        }
        return try items.enumerated().map { i, item in
            if case .native(let f as FailedTaskObject) = item { return f.failure }
            do { return FailedTask(task: try TaskValues.task(item)) } catch let e as ScriptError {
                throw a.error("argument '\(name)', item \(i): \(e.message)")
            }
        }
    }

    /// A Turn argument (or a list of them when `list`).
    static func turns(_ a: Arguments, _ name: String, role: Turn.Role) throws -> [TurnObject] {
        let values = items(a[name]) ?? [a[name]]
        return try values.enumerated().map { i, v in
            guard case .native(let t as TurnObject) = v else {
                let which = items(a[name]) == nil ? "" : ", item \(i)"
                throw a.error("argument '\(name)'\(which) must be a Turn returned by \(role == .attempt ? "attempt" : "reflect"), got \(v.typeName)")
            }
            guard t.turn.role == role else {
                throw a.error("argument '\(name)' must be a\(role == .attempt ? "n" : "") \(role.rawValue), got a\(t.turn.role == .attempt ? "n" : "") \(t.turn.role.rawValue)")
            }
            return t
        }
    }

    /// Runs domain code, turning R3Train and R3Models errors into errors that name the builtin.
    static func run<T>(_ a: Arguments, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as TrainError {
            throw a.error(e.message)
        } catch {
            return try ModelValues.run(a) { throw error }
        }
    }
}

extension Arguments {
    /// Whether the builtin has a parameter called `name` (shared helpers read optional knobs).
    func has(_ name: String) -> Bool { function.parameters.contains { $0.name == name } }
}
