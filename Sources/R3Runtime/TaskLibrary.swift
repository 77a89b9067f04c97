import Foundation
import R3Script
import R3Tasks

/// Binds R3Tasks into the language: the `countdown`, `functionCalling` and `json` namespaces, the
/// verifier constructors, datasets and JSONL loading, prompts and demonstrations (docs/tasks.md,
/// "In the language").
enum TaskLibrary {
    static func install(_ interp: Interpreter) {
        for b in functions { interp.define(b) }
        interp.define("countdown", .native(TaskCountdownLibrary.namespace))
        interp.define("functionCalling", .native(TaskFunctionCallingLibrary.namespace))
        interp.define("json", .native(TaskJSONLibrary.namespace))
        interp.registerHelp(DatasetObject.methods + [VerifierObject.check])
    }

    static let functions: [Builtin] = [
        Builtin("verifier(check, name = nil)",
                doc: "A verifier written in the language: check(task, output) returns true or false, a score in [0, 1] (passed when it is 1), or a dictionary with \"passed\" and/or \"score\" and optionally \"reason\". An error raised inside `check` makes that output fail with the error as the reason; it never stops a run. The result has .check(task, output) and can be given to anything that takes a verifier.") { a in
            let f = try a.callable("check")
            var name = try a.optionalString("name")
            if name == nil, case .closure(let c) = f, !c.name.hasPrefix("<") { name = c.name }
            return .native(VerifierObject(name: name ?? "script", body: .script(f)))
        },
        Builtin("regexVerifier(pattern, full = true)",
                doc: "A verifier that passes when the regular expression (ICU syntax, as NSRegularExpression) matches the whole output (full: true, as Python's re.fullmatch) or somewhere in it (full: false). An invalid pattern is an error here.") { a in
            let pattern = try a.string("pattern")
            do {
                let v = try Verifier.regex(pattern, fullMatch: try a.bool("full"))
                return .native(VerifierObject(name: "regex \(Formatter.quoted(pattern))", body: .native(v, kind: nil)))
            } catch let e as VerifierError {
                throw a.error(e.message)
            }
        },
        Builtin("exactVerifier(expected = nil, normalizeWhitespace = true)",
                doc: "A verifier that passes when the output equals `expected`, or, when expected is nil, the task's \"answer\" (text tasks and records). normalizeWhitespace compares both trimmed, with inner whitespace runs collapsed to one space.") { a in
            let expected = try a.optionalString("expected")
            let v = Verifier.exactMatch(expected: expected, normalizeWhitespace: try a.bool("normalizeWhitespace"))
            return .native(VerifierObject(name: expected.map { "exact \(Formatter.quoted($0))" } ?? "exact answer", body: .native(v, kind: nil)))
        },
        Builtin("load_jsonl(path, kind = nil, skipBadLines = false)",
                doc: "Loads a JSONL file (one JSON value per line) as a Dataset. kind: \"countdown\", \"function_calling\" or \"text\" gives tasks; \"records\" gives dictionaries; nil looks at the first record (nums and target: countdown; query, tools and answers: function calling; prompt: text; else records). A bad line is an error naming the file, line (and column or field); with skipBadLines: true bad lines are skipped and a warning counts them (also in ds.skippedLines). An empty file is an error.") { a in
            let kind = try a.optionalString("kind")
            let choice: TaskLoading.Kind
            switch kind {
            case nil: choice = .detect
            case "records"?: choice = .records
            case let name?:
                guard let k = TaskValues.kind(name) else {
                    throw a.error("argument 'kind' must be \"countdown\", \"function_calling\", \"text\" or \"records\", got \"\(name)\"")
                }
                choice = .task(k)
            }
            return try TaskLoading.load(a, kind: choice)
        },
        Builtin("dataset(items)",
                doc: "A Dataset of the items of a list (tasks, records or any values), for shuffled, split, prompts, save ...") { a in
            .native(DatasetObject(try a.list("items")))
        },
        Builtin("task(record, kind = nil)",
                doc: "A Task from a dictionary record, of the given kind (\"countdown\", \"function_calling\", \"text\") or of the kind its fields say (nums and target; query, tools and answers; prompt). Errors name the field.") { a in
            var kind: TaskKind?
            if let name = try a.optionalString("kind") {
                guard let k = TaskValues.kind(name) else {
                    throw a.error("argument 'kind' must be \"countdown\", \"function_calling\" or \"text\", got \"\(name)\"")
                }
                kind = k
            }
            if case .native(let t as TaskObject) = a["record"] {
                if let k = kind, k != t.task.kind { throw a.error("the task is a \(t.task.kind.rawValue) task, not \(k.rawValue)") }
                return a["record"]
            }
            return .native(TaskObject(try TaskValues.task(a, "record", kind: kind)))
        },
        Builtin("prompt(task, style = \"compact\")",
                doc: "The prompt for a task. style: \"compact\" for tiny character-level models trained from scratch (`44 19 35>98:`), \"chat\" for instruct models (the user message; the tokenizer's chat template wraps it).") { a in
            .string(TaskTemplate(style: try TaskValues.style(a)).prompt(try TaskValues.task(a, "task")))
        },
        Builtin("demonstration(task, style = \"compact\")",
                doc: "[\"prompt\": ..., \"completion\": ...] for supervised warm-up: the prompt and a gold completion in the given style (for Countdown, the solver's shortest canonical solution). nil when the task has none (an unsolvable Countdown task, a text task without an answer).") { a in
            try demonstration(TaskTemplate(style: try TaskValues.style(a)), try TaskValues.task(a, "task"), a) ?? .null
        },
    ]

    /// `["prompt": ..., "completion": ...]`, or nil when the task has no gold completion.
    static func demonstration(_ template: TaskTemplate, _ task: AnyTask, _ a: Arguments) throws -> Value? {
        let d: Demonstration?
        do {
            d = try template.demonstration(task)
        } catch {
            throw a.error("\(error)")
        }
        return d.map { .dict(DictObject([("prompt", .string($0.prompt)), ("completion", .string($0.completion))])) }
    }
}
