import Foundation
import R3Script
import R3Tasks

/// An ordered, immutable collection of tasks or records (`load_jsonl`, `countdown.generate`,
/// `dataset(list)`). Operations return new datasets; `shuffled(seed:)` draws from
/// `R3Random.RandomGenerator` (through R3Tasks' `Dataset`), so a seed gives the same order everywhere.
///
/// `ds.count`, `ds[0]`, `ds[-1]`, `ds[0..<10]` (a dataset), `for t in ds`, `ds.shuffled(seed: 1)`,
/// `ds.split(0.9)` (a list of two datasets, for `let [train, test] = ...`), `ds.take(n)`,
/// `ds.filter(fn)` (a dataset), `ds.map(fn)` (a list, as Swift's `map`), `ds.prompts()`,
/// `ds.demonstrations()`, `ds.save(path)`.
final class DatasetObject: NativeObject {
    let items: [Value]
    /// Bad lines skipped when the dataset was loaded with `skipBadLines: true`.
    let skippedLines: Int

    init(_ items: [Value], skippedLines: Int = 0) {
        self.items = items
        self.skippedLines = skippedLines
    }

    override var typeName: String { "Dataset" }

    /// `Dataset(1800 countdown tasks)`, `Dataset(12 records)`, `Dataset(3 items)`.
    override var description: String {
        let n = items.count
        if n == 0 { return "Dataset(empty)" }
        let what: String
        if let k = kind {
            what = (k == .functionCalling ? "function-calling" : k.rawValue) + (n == 1 ? " task" : " tasks")
        } else if items.allSatisfy({ if case .dict = $0 { return true } else { return false } }) {
            what = n == 1 ? "record" : "records"
        } else {
            what = n == 1 ? "item" : "items"
        }
        return "Dataset(\(n) \(what))"
    }

    /// The kind when every item is a task of that one kind.
    var kind: TaskKind? {
        var found: TaskKind?
        for item in items {
            guard case .native(let t as TaskObject) = item, found == nil || found == t.task.kind else { return nil }
            found = t.task.kind
        }
        return found
    }

    override var count: Int? { items.count }
    override func iterate() throws -> [Value]? { items }
    override var methods: [String: Builtin] { Self.methodTable }
    override var memberNames: [String] { ["count", "isEmpty", "kind", "skippedLines"] + Array(Self.methodTable.keys) }

    override func property(_ name: String) throws -> Value? {
        switch name {
        case "count": return .number(Double(items.count))
        case "isEmpty": return .bool(items.isEmpty)
        case "kind": return kind.map { .string($0.rawValue) } ?? .null
        case "skippedLines": return .number(Double(skippedLines))
        default: return nil
        }
    }

    override func subscriptGet(_ indices: [Value]) throws -> Value {
        guard indices.count == 1 else { throw ScriptError("a Dataset takes one index, got \(indices.count)") }
        switch indices[0] {
        case .number(let n):
            guard n == n.rounded(), abs(n) < 1e15 else { throw ScriptError("a Dataset index must be a whole number, got \(Formatter.number(n))") }
            let i = n < 0 ? items.count + Int(n) : Int(n)
            guard i >= 0, i < items.count else {
                throw ScriptError("index \(Formatter.number(n)) is out of range for a Dataset of \(items.count) item\(items.count == 1 ? "" : "s")")
            }
            return items[i]
        case .range(let r):
            guard let (s, e) = r.indices(length: items.count) else {
                throw ScriptError("range \(Formatter.repr(indices[0])) is out of bounds for a Dataset of \(items.count) items")
            }
            return .native(DatasetObject(Array(items[s..<e])))
        default:
            throw ScriptError("a Dataset index must be a number or a range, got \(indices[0].typeName)")
        }
    }

    override func isEqual(to other: NativeObject) -> Bool {
        guard let o = other as? DatasetObject else { return false }
        return o.items == items
    }

    /// The items as tasks (records are read by their fields); errors name the item.
    func tasks(_ a: Arguments) throws -> [AnyTask] {
        var out: [AnyTask] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            do {
                out.append(try TaskValues.task(item))
            } catch let e as ScriptError {
                throw a.error("item \(i): \(e.message)")
            }
        }
        return out
    }

    // MARK: - Methods

    private static func receiver(_ a: Arguments) -> DatasetObject { a.receiver(as: DatasetObject.self) }
    private static func make(_ items: [Value]) -> Value { .native(DatasetObject(items)) }

    private static func shuffled(_ a: Arguments) throws -> Value {
        make(R3Tasks.Dataset(receiver(a).items).shuffled(seed: try TaskValues.seed(a)).elements)
    }

    static let methodTable: [String: Builtin] = Dictionary(uniqueKeysWithValues: methods.map { ($0.shortName, $0) })

    static let methods: [Builtin] = [
        Builtin("shuffled(seed = 0)", owner: "Dataset",
                doc: "A new dataset with the items in a random order (Fisher-Yates on R3's seeded generator): the same seed gives the same order on every machine.",
                body: shuffled),
        Builtin("shuffle(seed = 0)", owner: "Dataset",
                doc: "The same as shuffled(seed:): returns a new dataset (datasets never change in place).",
                body: shuffled),
        Builtin("split(fraction)", owner: "Dataset",
                doc: "A list of two datasets: the first round(fraction x count) items and the rest, in order (shuffle first for a random split). let [train, test] = tasks.split(0.9). `fraction` must lie in [0, 1].") { a in
            do {
                let (first, rest) = try R3Tasks.Dataset(receiver(a).items).split(fraction: try a.number("fraction"))
                return .list(ListObject([make(first.elements), make(rest.elements)]))
            } catch let e as DatasetError {
                throw a.error(e.message)
            }
        },
        Builtin("take(count)", owner: "Dataset",
                doc: "A dataset of the first `count` items (all of them when the dataset is shorter).") { a in
            make(Array(receiver(a).items.prefix(try TaskValues.count(a, "count"))))
        },
        Builtin("filter(include)", owner: "Dataset",
                doc: "A dataset of the items for which include(item) returns true.") { a in
            let f = try a.callable("include")
            var kept: [Value] = []
            for item in receiver(a).items {
                let r = try a.interpreter.call(f, [item])
                guard case .bool(let b) = r else { throw a.error("the function 'include' must return true or false, got \(r.typeName)") }
                if b { kept.append(item) }
            }
            return make(kept)
        },
        Builtin("map(transform)", owner: "Dataset",
                doc: "A list of transform(item) for each item (a list, as Swift's map; wrap it in dataset(...) for a dataset).") { a in
            let f = try a.callable("transform")
            var out: [Value] = []
            out.reserveCapacity(receiver(a).items.count)
            for item in receiver(a).items { out.append(try a.interpreter.call(f, [item])) }
            return .list(ListObject(out))
        },
        Builtin("list()", owner: "Dataset", doc: "The items as a list.") { a in
            .list(ListObject(receiver(a).items))
        },
        Builtin("prompts(style = \"compact\")", owner: "Dataset",
                doc: "The prompt of every task, as a list of strings. style: \"compact\" (tiny character-level models: `44 19 35>98:`) or \"chat\" (an instruction for instruct models; the tokenizer's chat template wraps it).") { a in
            let template = TaskTemplate(style: try TaskValues.style(a))
            return .list(ListObject(try receiver(a).tasks(a).map { .string(template.prompt($0)) }))
        },
        Builtin("demonstrations(style = \"compact\")", owner: "Dataset",
                doc: "A list of [\"prompt\": ..., \"completion\": ...] records for supervised warm-up: the prompt and a gold completion (for Countdown, the solver's shortest solution). Tasks without a gold completion (unsolvable Countdown tasks, text tasks without an answer) are left out, with a warning that counts them.") { a in
            let template = TaskTemplate(style: try TaskValues.style(a))
            var out: [Value] = []
            var missing: [Int] = []
            for (i, task) in try receiver(a).tasks(a).enumerated() {
                try Interrupt.check()
                if let d = try TaskLibrary.demonstration(template, task, a) {
                    out.append(d)
                } else {
                    missing.append(i)
                }
            }
            if !missing.isEmpty {
                a.interpreter.output("warning: Dataset.demonstrations(): left out \(missing.count) task\(missing.count == 1 ? "" : "s") without a gold completion (items \(missing.prefix(5).map(String.init).joined(separator: ", "))\(missing.count > 5 ? ", ..." : ""))\n")
            }
            return .list(ListObject(out))
        },
        Builtin("save(path)", owner: "Dataset",
                doc: "Writes the items as JSONL, one compact record per line (tasks as their JSONL records), atomically: a temporary file, then a rename. load_jsonl(path) reads it back.") { a in
            let path = try a.string("path")
            var records: [JSONValue] = []
            for (i, item) in receiver(a).items.enumerated() {
                do { records.append(try TaskValues.json(item)) } catch let e as ScriptError { throw a.error("item \(i): \(e.message)") }
            }
            do {
                try JSONL.write(records, to: path)
            } catch let e as JSONLError {
                throw a.error("\(e)")
            } catch {
                throw a.error("cannot write '\(path)': \(TaskValues.describe(error))")
            }
            return .null
        },
    ]
}
