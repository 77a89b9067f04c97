/// One tool call: a function name and its arguments.
public struct FunctionCall: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var arguments: JSONObject

    public init(name: String, arguments: JSONObject = JSONObject()) {
        self.name = name
        self.arguments = arguments
    }

    /// Reads `{"name": ..., "arguments": {...}}`. `arguments` may also be a JSON string holding an object
    /// (the OpenAI wire form), or absent / null for no arguments.
    public init(json: JSONValue, path: String = "") throws(FieldError) {
        let o = try json.requireObject(path: path.isEmpty ? "" : String(path.dropLast()))
        name = try o.requireString("name", path: path)
        guard let a = o["arguments"], !a.isNull else {
            arguments = JSONObject()
            return
        }
        if let obj = a.objectValue {
            arguments = obj
        } else if let s = a.stringValue, let parsed = try? JSONParser.parse(s), let obj = parsed.objectValue {
            arguments = obj
        } else {
            throw .type(path + "arguments", expected: "an object", got: a)
        }
    }

    /// `{"name": ..., "arguments": {...}}`.
    public var json: JSONValue {
        .object(JSONObject([("name", .string(name)), ("arguments", .object(arguments))]))
    }

    public var description: String { json.description }
}
