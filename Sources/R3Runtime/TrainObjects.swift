import Foundation
import R3Models
import R3Plot
import R3Script
import R3Tasks
import R3Train

/// One model turn in the language: what `attempt`, `reflect` and `retry` return.
///
/// - properties: `role` ("attempt", "reflection", "retry"), `text`, `tokens` (the sampled ids),
///   `logprobs` (one per token, at sampling time), `passed`, `score` and `reason` (the verifier's
///   verdict; a reflection has none: passed false, reason nil), `finishReason` ("eos", "stop",
///   "length"), `contextLength` (tokens before the turn).
///
/// It remembers its episode's format (prompts, layout, verifier), so `reflect(model, task, a)` and
/// `retry(...)` continue the same conversation token for token.
final class TurnObject: NativeObject {
    let turn: Turn
    let format: EpisodeFormat
    let verifier: Verifier?

    init(_ turn: Turn, format: EpisodeFormat, verifier: Verifier?) {
        self.turn = turn
        self.format = format
        self.verifier = verifier
    }

    override var typeName: String { "Turn" }

    override var description: String {
        let verdict = turn.verdict.map { $0.passed ? "passed" : "failed: \($0.reason)" }
        return "\(turn.role.rawValue)(\(Formatter.repr(.string(turn.text)))\(verdict.map { ", " + $0 } ?? ""))"
    }

    static let propertyNames = ["role", "text", "tokens", "logprobs", "passed", "score", "reason", "finishReason", "contextLength"]
    override var memberNames: [String] { Self.propertyNames }

    override func property(_ name: String) throws -> Value? {
        switch name {
        case "role": return .string(turn.role.rawValue)
        case "text": return .string(turn.text)
        case "tokens": return .list(ListObject(turn.tokens.map { .number(Double($0)) }))
        case "logprobs": return .list(ListObject(turn.logprobs.map { .number(Double($0)) }))
        case "passed": return .bool(turn.passed)
        case "score": return turn.verdict.map { .number($0.score) } ?? .null
        case "reason": return turn.verdict.map { .string($0.reason) } ?? .null
        case "finishReason":
            switch turn.finishReason {
            case .eos: return .string("eos")
            case .stop: return .string("stop")
            case .length: return .string("length")
            }
        case "contextLength": return .number(Double(turn.context.count))
        default: return nil
        }
    }
}

/// A task that the model failed, with its failed first attempt: the items of the dataset that
/// `failures` returns. It reads like its task (`t.nums`, `t.target`, ...) and adds `attempt`.
final class FailedTaskObject: TaskObject {
    let failure: FailedTask

    init(_ failure: FailedTask, format: EpisodeFormat, verifier: Verifier?) {
        self.failure = failure
        self.attemptObject = failure.attempt.map { TurnObject($0, format: format, verifier: verifier) }
        super.init(failure.task)
    }

    private let attemptObject: TurnObject?

    override var description: String { super.description + (failure.attempt.map { " failed with \(Formatter.repr(.string($0.text)))" } ?? "") }
    override var memberNames: [String] { super.memberNames + ["attempt"] }

    override func property(_ name: String) throws -> Value? {
        if name == "attempt" { return attemptObject.map { .native($0) } ?? .null }
        return try super.property(name)
    }
}

/// The paper's evaluation of one model in the language (`evaluate(model, tasks)`): `firstTry`,
/// `secondTry` (fractions in [0, 1]), `count`, `name`, `reflectionLength`. `table([before, after])`
/// prints pairs of evaluations in the paper's layout.
final class EvaluationObject: NativeObject, TableRows {
    let evaluation: Evaluation

    init(_ evaluation: Evaluation) {
        self.evaluation = evaluation
    }

    override var typeName: String { "Evaluation" }
    override var description: String { evaluation.description }
    override var memberNames: [String] { ["name", "count", "firstTry", "secondTry", "firstTryPasses", "secondTryPasses", "reflectionLength", "reflectionSamples"] + Array(methods.keys) }
    override var methods: [String: Builtin] { EvaluationObject.methodTable }

    static let methodList: [Builtin] = [
        Builtin("secondTryBestOf(k)", owner: "Evaluation",
                doc: "The second-try accuracy (in [0, 1]) if, for each task failed on the first try, the best of k sampled reflections counted: the unbiased pass@k estimator over the evaluation's reflectionSamples. Needs evaluate(..., reflectionSamples: n) with 1 <= k <= n.") { a in
            let e = a.receiver(as: EvaluationObject.self).evaluation
            let k = try a.int("k")
            guard e.reflectionSamples > 0 else { throw a.error("this evaluation sampled no reflections: pass reflectionSamples: n to evaluate") }
            guard let v = e.secondTry(bestOf: k) else { throw a.error("argument 'k' must be from 1 to \(e.reflectionSamples) (the reflections sampled per failed task), got \(k)") }
            return .number(v)
        },
    ]
    static let methodTable: [String: Builtin] = Dictionary(uniqueKeysWithValues: methodList.map { ($0.shortName, $0) })

    override func property(_ name: String) throws -> Value? {
        let e = evaluation
        switch name {
        case "name": return .string(e.name)
        case "count": return .number(Double(e.count))
        case "firstTry": return .number(e.firstTry)
        case "secondTry": return .number(e.secondTry)
        case "firstTryPasses": return .number(Double(e.firstTryPasses))
        case "secondTryPasses": return .number(Double(e.secondTryPasses))
        case "reflectionLength": return .number(e.meanReflectionLength)
        case "reflectionSamples": return .number(Double(e.reflectionSamples))
        default: return nil
        }
    }

    /// Pairs (vanilla, trained) become rows of the paper's table: model | vanilla 1st try |
    /// vanilla 2nd try | trained 1st try | trained 2nd try (accuracy in %). An odd count lists each
    /// evaluation on its own row instead.
    static func table(_ rows: [NativeObject]) throws -> Table? {
        let evaluations = rows.compactMap { ($0 as? EvaluationObject)?.evaluation }
        guard evaluations.count == rows.count, !evaluations.isEmpty else { return nil }
        func pct(_ v: Double) -> TableCell { .decimal(100 * v, places: 1) }
        if evaluations.count % 2 == 0 {
            let pairs = stride(from: 0, to: evaluations.count, by: 2).map { (evaluations[$0], evaluations[$0 + 1]) }
            return try Table(header: ["model", "vanilla 1st try", "vanilla 2nd try", "trained 1st try", "trained 2nd try"],
                             rows: pairs.map { v, t in [.text(v.name), pct(v.firstTry), pct(v.secondTry), pct(t.firstTry), pct(t.secondTry)] })
        }
        return try Table(header: ["model", "1st try", "2nd try", "tasks"],
                         rows: evaluations.map { [.text($0.name), pct($0.firstTry), pct($0.secondTry), .number(Double($0.count))] })
    }
}

/// What `r3train` returns: `model` (the trained policy), `log` (the metrics, one record per step),
/// `steps`, `stopped`, `checkpoint` (the newest, or nil), `failures` (tasks trained on).
final class TrainingRunObject: NativeObject {
    let model: ModelObject
    let log: MetricsObject
    let result: GRPOTrainer.Result
    let taskCount: Int

    init(model: ModelObject, log: MetricsObject, result: GRPOTrainer.Result, taskCount: Int) {
        self.model = model
        self.log = log
        self.result = result
        self.taskCount = taskCount
    }

    override var typeName: String { "TrainingRun" }
    override var description: String {
        "<TrainingRun: \(result.step) step\(result.step == 1 ? "" : "s") on \(taskCount) tasks\(result.stopped ? ", stopped" : "")>"
    }
    override var memberNames: [String] { ["model", "log", "steps", "stopped", "checkpoint", "tasks"] }

    override func property(_ name: String) throws -> Value? {
        switch name {
        case "model": return .native(model)
        case "log": return .native(log)
        case "steps": return .number(Double(result.step))
        case "stopped": return .bool(result.stopped)
        case "checkpoint": return result.lastCheckpoint.map(Value.string) ?? .null
        case "tasks": return .number(Double(taskCount))
        default: return nil
        }
    }
}
