import Foundation
import R3Script
import R3Tasks

/// Conversions between language values and R3Tasks types, in one place: JSON values, tasks, task
/// kinds, prompt styles, verdicts and the range-like knobs of the generators.
enum TaskValues {
    // MARK: - JSON

    /// A JSON value as a language value: integers and doubles become numbers (integers beyond 2^53
    /// round to the nearest double), objects become dictionaries in key order.
    static func value(_ json: JSONValue) -> Value {
        switch json {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .number(Double(i))
        case .double(let d): return .number(d)
        case .string(let s): return .string(s)
        case .array(let items): return .list(ListObject(items.map(value)))
        case .object(let o):
            let d = DictObject()
            for (k, v) in o { d[k] = value(v) }
            return .dict(d)
        }
    }

    /// The deepest nesting `json(_:)` converts (the JSON parser's limit): deeper values, such as a
    /// list that contains itself, are an error rather than an endless recursion.
    static let maxDepth = JSONParser.defaultMaxDepth

    /// A language value as JSON. Whole numbers that a double holds exactly (|n| <= 2^53) become JSON
    /// integers (`3`, not `3.0`); other numbers stay doubles. Tasks become their JSONL record and
    /// datasets a list. Functions, ranges, non-string dictionary keys and nesting deeper than 512
    /// are errors that name the place (`[2].tools`).
    static func json(_ value: Value, path: String = "", depth: Int = 0) throws -> JSONValue {
        guard depth <= maxDepth else {
            throw ScriptError("cannot convert to JSON: nesting deeper than \(maxDepth) at \(place(path)) (does a list or dictionary contain itself?)")
        }
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n):
            if n == n.rounded(), abs(n) <= 9_007_199_254_740_992 { return .int(Int(n)) }
            return .double(n)
        case .string(let s): return .string(s)
        case .list(let l):
            var out: [JSONValue] = []
            out.reserveCapacity(l.items.count)
            for (i, item) in l.items.enumerated() { out.append(try json(item, path: path + "[\(i)]", depth: depth + 1)) }
            return .array(out)
        case .dict(let d):
            var o = JSONObject()
            for (k, v) in d.entries {
                guard case .string(let key) = k else {
                    throw ScriptError("cannot convert to JSON: the dictionary key \(k) at \(place(path)) is not a string")
                }
                o[key] = try json(v, path: path + "." + key, depth: depth + 1)
            }
            return .object(o)
        case .native(let t as TaskObject): return t.task.json
        case .native(let ds as DatasetObject):
            var out: [JSONValue] = []
            for (i, item) in ds.items.enumerated() { out.append(try json(item, path: path + "[\(i)]", depth: depth + 1)) }
            return .array(out)
        default:
            throw ScriptError("cannot convert a \(value.typeName) to JSON (at \(place(path)))")
        }
    }

    /// An error's text: Foundation's own sentence for file errors, the description otherwise.
    static func describe(_ error: Error) -> String {
        (error as? CocoaError)?.localizedDescription ?? "\(error)"
    }

    private static func place(_ path: String) -> String { path.isEmpty ? "the top level" : path }

    // MARK: - Task kinds and tasks

    /// Reads a kind name: "countdown", "function_calling" (also "functionCalling", "function-calling")
    /// or "text".
    static func kind(_ name: String) -> TaskKind? {
        switch name {
        case "countdown": return .countdown
        case "function_calling", "functionCalling", "function-calling": return .functionCalling
        case "text": return .text
        default: return nil
        }
    }

    /// The kind a record's fields say: `nums` and `target` (Countdown), `query`, `tools` and
    /// `answers` (function calling), `prompt` (text); nil otherwise.
    static func detectKind(_ record: JSONObject) -> TaskKind? {
        if record["nums"] != nil && record["target"] != nil { return .countdown }
        if record["query"] != nil && record["tools"] != nil && record["answers"] != nil { return .functionCalling }
        if record["prompt"] != nil { return .text }
        return nil
    }

    /// A task from a JSON record of the given kind, or of the detected kind when `kind` is nil.
    /// Errors name the field: `field "nums[1]": expected an integer, got 2.5`.
    static func task(_ record: JSONValue, kind: TaskKind?) throws -> AnyTask {
        guard let object = record.objectValue else {
            throw ScriptError("a task record must be a dictionary, got \(record.kindDescription)")
        }
        guard let k = kind ?? detectKind(object) else {
            throw ScriptError("cannot tell the task kind of a record with keys \(object.keys.map { "\"\($0)\"" }.joined(separator: ", ")): expected nums and target (countdown), query, tools and answers (function calling), or prompt (text)")
        }
        do {
            return try AnyTask(json: record, kind: k)
        } catch {
            throw ScriptError("\(k.rawValue) task: \(error)")
        }
    }

    /// The task a value stands for: a Task object, or a dictionary record (read as `kind`, or the
    /// kind its fields say). `lenient` reads a record of no known kind as a text task whose prompt
    /// may be missing (what regex and exact-match verifiers need).
    static func task(_ value: Value, kind: TaskKind? = nil, lenient: Bool = false) throws -> AnyTask {
        switch value {
        case .native(let t as TaskObject): return t.task
        case .dict:
            let record = try json(value)
            if lenient, kind == nil, let o = record.objectValue, detectKind(o) == nil {
                return .text(TextTask(prompt: o["prompt"]?.stringValue ?? "", answer: o["answer"]?.stringValue, fields: o))
            }
            return try task(record, kind: kind)
        default:
            throw ScriptError("expected a task or a task record (dictionary), got \(value.typeName)")
        }
    }

    /// A task argument of a builtin, with errors that name the builtin and the argument.
    static func task(_ a: Arguments, _ name: String, kind: TaskKind? = nil, lenient: Bool = false) throws -> AnyTask {
        do {
            return try task(a[name], kind: kind, lenient: lenient)
        } catch let e as ScriptError {
            throw a.error("argument '\(name)': \(e.message)")
        }
    }

    // MARK: - Prompt styles

    static func style(_ a: Arguments, _ name: String = "style") throws -> PromptStyle {
        let s = try a.string(name)
        guard let style = PromptStyle(rawValue: s) else {
            throw a.error("argument '\(name)' must be \"compact\" (tiny character-level models) or \"chat\" (instruct models), got \"\(s)\"")
        }
        return style
    }

    // MARK: - Verdicts

    /// `["passed": true, "score": 1, "reason": "correct"]`.
    static func value(_ verdict: Verdict) -> Value {
        .dict(DictObject([("passed", .bool(verdict.passed)), ("score", .number(verdict.score)), ("reason", .string(verdict.reason))]))
    }

    // MARK: - Knobs

    /// A closed integer range given as a whole number (`3` is 3...3), a bounded range (`3...4`,
    /// `3..<5`) or a list of two whole numbers (`[3, 4]`); nil when the argument is nil.
    static func closedRange(_ a: Arguments, _ name: String) throws -> ClosedRange<Int>? {
        func whole(_ x: Double) throws -> Int {
            guard x == x.rounded(), abs(x) < 1e15 else { throw a.error("argument '\(name)' must hold whole numbers, got \(Formatter.number(x))") }
            return Int(x)
        }
        var lo: Int, hi: Int
        switch a[name] {
        case .null: return nil
        case .number(let n):
            lo = try whole(n)
            hi = lo
        case .range(let r):
            guard let l = r.lower, let u = r.upper else { throw a.error("argument '\(name)' must be a bounded range such as 1...9") }
            lo = try whole(l)
            hi = try whole(u)
            if !r.inclusive { hi -= 1 }
        case .list(let l):
            guard l.items.count == 2, case .number(let x) = l.items[0], case .number(let y) = l.items[1] else {
                throw a.error("argument '\(name)' as a list must hold two numbers [low, high]")
            }
            lo = try whole(x)
            hi = try whole(y)
        default:
            throw a.error("argument '\(name)' must be a number, a range such as 1...9, or a list [low, high], got \(a[name].typeName)")
        }
        guard lo <= hi else { throw a.error("argument '\(name)' is an empty range (\(lo) to \(hi))") }
        return lo...hi
    }

    /// A seed: a non-negative whole number.
    static func seed(_ a: Arguments, _ name: String = "seed") throws -> UInt64 {
        let n = try a.number(name)
        guard n >= 0, n == n.rounded(), n < 1.8e19 else {
            throw a.error("argument '\(name)' must be a non-negative whole number, got \(Formatter.number(n))")
        }
        return UInt64(n)
    }

    /// A count: a non-negative whole number.
    static func count(_ a: Arguments, _ name: String) throws -> Int {
        let n = try a.int(name)
        guard n >= 0 else { throw a.error("argument '\(name)' must be >= 0, got \(n)") }
        return n
    }
}
