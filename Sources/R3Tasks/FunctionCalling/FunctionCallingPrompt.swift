/// Function-calling prompts and demonstrations.
///
/// - compact: one signature per tool, then `Q: <query>` and `A:`; the completion is the compact JSON
///   list of calls on one line; the verifier reads the first line.
/// - chat: the tools as JSON (one per line), the instruction, then the query; the completion is the
///   JSON list; the verifier reads the whole output strictly, or leniently (prose and ``` fences
///   allowed) when `allowSurroundingText`, and the prompt says which.
public struct FunctionCallingPrompt: Sendable, Equatable {
    public var style: PromptStyle
    /// Chat style only: let the model write prose and code fences around the JSON.
    public var allowSurroundingText: Bool
    /// The reflect / retry texts (defaults per style).
    public var reflection: ReflectionPrompts

    public init(style: PromptStyle = .chat, allowSurroundingText: Bool = false, reflection: ReflectionPrompts? = nil) {
        self.style = style
        self.allowSurroundingText = allowSurroundingText
        self.reflection = reflection ?? .defaults(for: .functionCalling, style: style)
    }

    /// The prompt for `task`.
    public func prompt(_ task: FunctionCallingTask) -> String {
        switch style {
        case .compact:
            return task.tools.map(\.signature).joined(separator: "\n") + "\nQ: " + task.query + "\nA:"
        case .chat:
            let tools = task.tools.map { JSONSerializer.string($0.json, options: .lenient) }.joined(separator: "\n")
            let format = allowSurroundingText
                ? "Put the calls in a ```json code block as a JSON list; you may explain before it."
                : "Respond with only the JSON list of calls, and nothing else."
            return "You have access to the following tools:\n" + tools + "\n\n"
                + "Answer the query by calling one or more of these tools. Write each call as "
                + "{\"name\": <tool name>, \"arguments\": {<argument>: <value>, ...}}. " + format + "\n\n"
                + "Query: " + task.query
        }
    }

    /// The gold completion: the expected calls as compact JSON.
    public func completion(_ task: FunctionCallingTask) -> String {
        let list = JSONSerializer.string(.array(task.answers.map(\.json)), options: .lenient)
        switch style {
        case .compact: return " " + list + "\n"
        case .chat: return allowSurroundingText ? "```json\n" + list + "\n```" : list
        }
    }

    public func demonstration(_ task: FunctionCallingTask) -> Demonstration {
        Demonstration(prompt: prompt(task), completion: completion(task))
    }

    /// The verifier that reads answers in this style.
    public var verifier: FunctionCallingVerifier {
        switch style {
        case .compact: return FunctionCallingVerifier(extraction: .firstLine)
        case .chat: return FunctionCallingVerifier(extraction: allowSurroundingText ? .lenient : .strict)
        }
    }
}
