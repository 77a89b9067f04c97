/// A function-calling task (the paper's APIGen task): a user query, the tools on offer, and the calls
/// that answer it.
///
/// The JSONL form is the xlam-function-calling-60k record: `{"id": 0, "query": "...", "tools": "[...]",
/// "answers": "[...]"}`, where `tools` and `answers` are JSON text (as in xlam) or arrays.
public struct FunctionCallingTask: Sendable, Hashable, CustomStringConvertible {
    /// The record id, when the data has one.
    public var id: Int?
    public var query: String
    public var tools: [ToolSchema]
    /// The expected calls (order does not matter to the verifier).
    public var answers: [FunctionCall]

    /// A task; throws when an answer calls a tool that is not offered.
    public init(id: Int? = nil, query: String, tools: [ToolSchema], answers: [FunctionCall]) throws(FieldError) {
        let names = Set(tools.map(\.name))
        for (k, call) in answers.enumerated() where !names.contains(call.name) {
            throw FieldError(field: "answers[\(k)].name", message: "calls \(call.name), which is not in tools")
        }
        self.id = id
        self.query = query
        self.tools = tools
        self.answers = answers
    }

    /// Reads an xlam-style record; errors name the field (for example `tools[1].parameters.city`).
    public init(json: JSONValue) throws(FieldError) {
        let o = try json.requireObject(path: "")
        let query = try o.requireString("query")
        let toolItems = try Self.list(o, "tools")
        var tools: [ToolSchema] = []
        for (k, t) in toolItems.enumerated() { tools.append(try ToolSchema(json: t, path: "tools[\(k)].")) }
        let answerItems = try Self.list(o, "answers")
        var answers: [FunctionCall] = []
        for (k, a) in answerItems.enumerated() { answers.append(try FunctionCall(json: a, path: "answers[\(k)].")) }
        var id: Int? = nil
        if let v = o["id"], !v.isNull {
            guard let i = v.intValue else { throw .type("id", expected: "an integer", got: v) }
            id = i
        }
        try self.init(id: id, query: query, tools: tools, answers: answers)
    }

    /// A field that holds a list either directly or as JSON text.
    private static func list(_ o: JSONObject, _ key: String) throws(FieldError) -> [JSONValue] {
        let v = try o.require(key)
        if let items = v.arrayValue { return items }
        if let text = v.stringValue {
            let parsed: JSONValue
            do { parsed = try JSONParser.parse(text) } catch {
                throw FieldError(field: key, message: "is a string but not valid JSON: \(error)")
            }
            guard let items = parsed.arrayValue else {
                throw FieldError(field: key, message: "expected a JSON list, got \(parsed.kindDescription)")
            }
            return items
        }
        throw .type(key, expected: "an array or a JSON string", got: v)
    }

    /// The xlam record: `tools` and `answers` written as JSON text, as the dataset stores them.
    public var json: JSONValue {
        var o = JSONObject()
        if let id { o["id"] = .int(id) }
        o["query"] = .string(query)
        o["answers"] = .string(JSONValue.array(answers.map(\.json)).description)
        o["tools"] = .string(JSONValue.array(tools.map(\.json)).description)
        return .object(o)
    }

    /// The tool called `name`, if offered.
    public func tool(named name: String) -> ToolSchema? { tools.first { $0.name == name } }

    public var description: String { "function_calling(query: \(JSONSerializer.quoted(query)), tools: \(tools.map(\.name)), answers: \(answers.count))" }
}
