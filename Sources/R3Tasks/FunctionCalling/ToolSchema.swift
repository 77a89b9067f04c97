/// One parameter of a tool.
public struct ToolParameter: Sendable, Hashable {
    public var name: String
    /// The type as written: xlam style ("str", "int", "List[int]", "str, optional") or JSON-schema
    /// style ("string", "integer", "array", "string|null" for a list of types).
    public var type: String
    public var description: String
    /// True when a call must give this argument. xlam: the type does not say "optional" and there is
    /// no "default". JSON schema: the name is listed in "required".
    public var required: Bool
    /// The documented default, if any.
    public var defaultValue: JSONValue?

    public init(name: String, type: String, description: String = "", required: Bool = true, defaultValue: JSONValue? = nil) {
        self.name = name
        self.type = type
        self.description = description
        self.required = required
        self.defaultValue = defaultValue
    }

    /// The type without an xlam ", optional" suffix.
    public var baseType: String {
        if let r = type.range(of: ", optional") { return String(type[..<r.lowerBound]) }
        return type
    }
}

/// A tool offered to the model: a name, a description and typed parameters.
///
/// Reads the xlam-function-calling-60k form
/// `{"name", "description", "parameters": {"p": {"type": "str", "description": ..., "default": ...}}}`,
/// the JSON-schema form `{"name", "description", "parameters": {"type": "object", "properties": {...},
/// "required": [...]}}`, and the OpenAI wrapper `{"type": "function", "function": {...}}`.
public struct ToolSchema: Sendable, Hashable {
    public var name: String
    public var description: String
    /// Parameters in the order the schema lists them.
    public var parameters: [ToolParameter]
    /// The schema as given (what prompts show, and what is written back to JSONL).
    public var json: JSONValue

    /// A tool from parts; `json` is built in xlam form.
    public init(name: String, description: String, parameters: [ToolParameter]) {
        self.name = name
        self.description = description
        self.parameters = parameters
        var params = JSONObject()
        for p in parameters {
            var o = JSONObject()
            o["description"] = .string(p.description)
            o["type"] = .string(p.required || p.type.contains("optional") ? p.type : p.type + ", optional")
            if let d = p.defaultValue { o["default"] = d }
            params[p.name] = .object(o)
        }
        json = .object(JSONObject([("name", .string(name)), ("description", .string(description)), ("parameters", .object(params))]))
    }

    /// Reads one tool; `path` prefixes field names in errors (e.g. "tools[2].").
    public init(json: JSONValue, path: String = "") throws(FieldError) {
        var o = try json.requireObject(path: path.isEmpty ? "" : String(path.dropLast()))
        var path = path
        if o["name"] == nil, let f = o["function"]?.objectValue {
            o = f
            path += "function."
        }
        name = try o.requireString("name", path: path)
        if name.isEmpty { throw FieldError(field: path + "name", message: "must not be empty") }
        description = try o.optionalString("description", path: path) ?? ""
        self.json = json
        parameters = []
        guard let pv = o["parameters"], !pv.isNull else { return }
        guard let params = pv.objectValue else { throw .type(path + "parameters", expected: "an object", got: pv) }
        // JSON schema when "type" is the string "object" (or xlam's "dict"); in xlam form every value
        // is a parameter spec object, so a parameter named "type" cannot be mistaken for it.
        if params["properties"] != nil, let t = params["type"]?.stringValue, t == "object" || t == "dict" {
            parameters = try Self.readJSONSchema(params, path: path + "parameters.")
        } else {
            parameters = try Self.readXlam(params, path: path + "parameters.")
        }
    }

    private static func readXlam(_ params: JSONObject, path: String) throws(FieldError) -> [ToolParameter] {
        var out: [ToolParameter] = []
        for (key, value) in params {
            guard let spec = value.objectValue else { throw .type(path + key, expected: "an object", got: value) }
            let type = try typeText(spec, path: path + key + ".")
            let description = try spec.optionalString("description", path: path + key + ".") ?? ""
            let def = spec["default"]
            let required = !type.contains("optional") && def == nil
            out.append(ToolParameter(name: key, type: type, description: description, required: required, defaultValue: def))
        }
        return out
    }

    private static func readJSONSchema(_ params: JSONObject, path: String) throws(FieldError) -> [ToolParameter] {
        let propsValue = params["properties"] ?? .object(JSONObject())
        guard let props = propsValue.objectValue else { throw .type(path + "properties", expected: "an object", got: propsValue) }
        var required = Set<String>()
        if let r = params["required"], !r.isNull {
            guard let items = r.arrayValue else { throw .type(path + "required", expected: "an array of strings", got: r) }
            for (k, item) in items.enumerated() {
                guard let s = item.stringValue else { throw .type(path + "required[\(k)]", expected: "a string", got: item) }
                required.insert(s)
            }
        }
        var out: [ToolParameter] = []
        for (key, value) in props {
            guard let spec = value.objectValue else { throw .type(path + "properties." + key, expected: "an object", got: value) }
            let p = path + "properties." + key + "."
            out.append(ToolParameter(name: key, type: try typeText(spec, path: p),
                                     description: try spec.optionalString("description", path: p) ?? "",
                                     required: required.contains(key), defaultValue: spec["default"]))
        }
        return out
    }

    private static func typeText(_ spec: JSONObject, path: String) throws(FieldError) -> String {
        guard let t = spec["type"], !t.isNull else { return "any" }
        if let s = t.stringValue { return s }
        if let items = t.arrayValue {
            var names: [String] = []
            for item in items {
                guard let s = item.stringValue else { throw .type(path + "type", expected: "a string or an array of strings", got: t) }
                names.append(s)
            }
            return names.joined(separator: "|")
        }
        throw .type(path + "type", expected: "a string", got: t)
    }

    /// The parameter called `name`, if any.
    public func parameter(named name: String) -> ToolParameter? { parameters.first { $0.name == name } }

    /// A one-line signature for compact prompts: `get_weather(city: str, units?: str)`.
    public var signature: String {
        name + "(" + parameters.map { ($0.required ? $0.name : $0.name + "?") + ": " + $0.baseType }.joined(separator: ", ") + ")"
    }
}
