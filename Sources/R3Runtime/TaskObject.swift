import R3Script
import R3Tasks

/// A task in the language: an immutable `AnyTask` with dot access to its fields.
///
/// - every task: `kind` ("countdown", "function_calling" or "text") and `record` (the JSONL record
///   as a dictionary);
/// - Countdown: `nums`, `target`;
/// - function calling: `id` (or nil), `query`, `tools` (the tool schemas as dictionaries),
///   `answers` (the expected calls, `["name": ..., "arguments": [...]]`);
/// - text: `prompt`, `answer` (or nil), and any other field of its record.
///
/// `t["target"]` reads the same fields. Prints as `countdown(nums: [44, 19, 35], target: 98)`.
class TaskObject: NativeObject {
    let task: AnyTask

    init(_ task: AnyTask) {
        self.task = task
    }

    override var typeName: String { "Task" }
    override var description: String { task.description }

    override var memberNames: [String] {
        var names = ["kind", "record"]
        switch task {
        case .countdown: names += ["nums", "target"]
        case .functionCalling: names += ["id", "query", "tools", "answers"]
        case .text(let t): names += ["prompt", "answer"] + t.fields.keys.filter { $0 != "prompt" && $0 != "answer" }
        }
        return names
    }

    override func property(_ name: String) throws -> Value? {
        switch (task, name) {
        case (_, "kind"): return .string(task.kind.rawValue)
        case (_, "record"): return TaskValues.value(task.json)
        case (.countdown(let t), "nums"): return .list(ListObject(t.nums.map { .number(Double($0)) }))
        case (.countdown(let t), "target"): return .number(Double(t.target))
        case (.functionCalling(let t), "id"): return t.id.map { .number(Double($0)) } ?? .null
        case (.functionCalling(let t), "query"): return .string(t.query)
        case (.functionCalling(let t), "tools"): return .list(ListObject(t.tools.map { TaskValues.value($0.json) }))
        case (.functionCalling(let t), "answers"): return .list(ListObject(t.answers.map { TaskValues.value($0.json) }))
        case (.text(let t), "prompt"): return .string(t.prompt)
        case (.text(let t), "answer"): return t.answer.map(Value.string) ?? .null
        case (.text(let t), _): return t.fields[name].map(TaskValues.value)
        default: return nil
        }
    }

    override func setProperty(_ name: String, _ value: Value) throws {
        throw ScriptError("tasks cannot be changed; build a new one (countdown.task(...), functionCalling.task(...), task(record))")
    }

    override func subscriptGet(_ indices: [Value]) throws -> Value {
        guard indices.count == 1, case .string(let name) = indices[0] else {
            throw ScriptError("a Task is indexed by a field name, such as t[\"target\"]")
        }
        if let v = try property(name) { return v }
        throw ScriptError("a \(task.kind.rawValue) task has no field \"\(name)\"; its fields are \(memberNames.joined(separator: ", "))")
    }

    override func isEqual(to other: NativeObject) -> Bool {
        guard let o = other as? TaskObject else { return false }
        return o.task == task
    }
}
