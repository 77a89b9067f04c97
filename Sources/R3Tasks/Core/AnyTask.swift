/// A free-form task for the generic verifiers: a prompt, an optional reference answer, and any other
/// fields of its record.
public struct TextTask: Sendable, Hashable, CustomStringConvertible {
    public var prompt: String
    /// The reference answer (what `exactMatch` compares with), if any.
    public var answer: String?
    /// The whole record, including `prompt` and `answer`.
    public var fields: JSONObject

    public init(prompt: String, answer: String? = nil, fields: JSONObject = JSONObject()) {
        self.prompt = prompt
        self.answer = answer
        var f = fields
        f["prompt"] = .string(prompt)
        if let answer { f["answer"] = .string(answer) }
        self.fields = f
    }

    /// Reads `{"prompt": "...", "answer": "..."}` (answer optional; other fields kept).
    public init(json: JSONValue) throws(FieldError) {
        let o = try json.requireObject(path: "")
        self.init(prompt: try o.requireString("prompt"), answer: try o.optionalString("answer"), fields: o)
    }

    public var json: JSONValue { .object(fields) }

    public var description: String { "text(prompt: \(JSONSerializer.quoted(abbreviated(prompt))))" }
}

/// The kinds of task R3 knows.
public enum TaskKind: String, Sendable, CaseIterable {
    case countdown
    case functionCalling = "function_calling"
    case text
}

/// Any task: what datasets hold and what verifiers take.
public enum AnyTask: Sendable, Hashable, CustomStringConvertible {
    case countdown(CountdownTask)
    case functionCalling(FunctionCallingTask)
    case text(TextTask)

    public var kind: TaskKind {
        switch self {
        case .countdown: return .countdown
        case .functionCalling: return .functionCalling
        case .text: return .text
        }
    }

    /// Reads a record of the given kind (errors name the field).
    public init(json: JSONValue, kind: TaskKind) throws(FieldError) {
        switch kind {
        case .countdown: self = .countdown(try CountdownTask(json: json))
        case .functionCalling: self = .functionCalling(try FunctionCallingTask(json: json))
        case .text: self = .text(try TextTask(json: json))
        }
    }

    /// The record as written to JSONL.
    public var json: JSONValue {
        switch self {
        case .countdown(let t): return t.json
        case .functionCalling(let t): return t.json
        case .text(let t): return t.json
        }
    }

    public var description: String {
        switch self {
        case .countdown(let t): return t.description
        case .functionCalling(let t): return t.description
        case .text(let t): return t.description
        }
    }
}
