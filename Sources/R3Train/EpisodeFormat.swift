import R3Models
import R3Tasks

/// How the turns of an episode (task prompt, attempt, reflection prompt, reflection, retry prompt,
/// retry) are laid out in tokens.
public enum TurnLayout: Sendable, Equatable {
    /// Plain text, for small from-scratch models: the task prompt (encoded with the tokenizer's
    /// template), then the turns back to back. A model turn ends at `turnEnd` (sampling stops there);
    /// a turn cut short by its token budget gets `turnEnd` appended, so the next prompt always starts
    /// on a fresh line. With the compact prompts: `44 19 35>98:` `44+19-35\n` `?` `44+19=63\n` `!` `44+19+35\n`.
    case plain(turnEnd: String)
    /// A chat template: the task prompt, the reflection prompt and the retry prompt are user
    /// messages; the attempt, the reflection and the retry are assistant messages, each ending at
    /// the format's end-of-message token (appended when a turn was cut short).
    case chat(ChatFormat)
}

/// Everything an episode needs besides the model: how tasks become prompts, the reflect / retry
/// texts, how turns are laid out, and how answers are judged.
///
/// The default for a model follows its tokenizer: a tokenizer with a chat template gets the chat
/// prompts in its chat layout; any other (a character tokenizer, a base model) gets the compact
/// prompts in the plain layout.
public struct EpisodeFormat: Sendable {
    /// Task prompts, demonstrations and the default reflect / retry texts.
    public var template: TaskTemplate
    public var layout: TurnLayout
    /// Replaces the template's reflect / retry texts for every task kind when set.
    public var prompts: ReflectionPrompts?

    public init(template: TaskTemplate, layout: TurnLayout, prompts: ReflectionPrompts? = nil) {
        self.template = template
        self.layout = layout
        self.prompts = prompts
    }

    /// The default format for `model` (see the type's documentation); `style` overrides the prompt style.
    public init(for model: LanguageModel, style: PromptStyle? = nil, prompts: ReflectionPrompts? = nil) {
        let chat = model.tokenizer.chatFormat
        let style = style ?? (chat == nil ? .compact : .chat)
        let layout: TurnLayout = chat.map { .chat($0) } ?? .plain(turnEnd: "\n")
        self.init(template: TaskTemplate(style: style), layout: layout, prompts: prompts)
    }

    /// The reflect / retry texts used for `task`.
    public func reflectionPrompts(for task: AnyTask) -> ReflectionPrompts {
        prompts ?? template.reflection(for: task.kind)
    }

    /// The verifier that reads answers written in this format's style.
    public func verifier(for task: AnyTask) -> Verifier { template.verifier(for: task.kind) }

    /// The context of the first attempt: the task prompt as the model reads it.
    public func attemptContext(_ task: AnyTask, tokenizer: Tokenizer) throws -> [Int] {
        let prompt = template.prompt(task)
        switch layout {
        case .plain:
            return try tokenizer.encode(prompt, addSpecialTokens: true)
        case .chat(let format):
            return try tokenizer.encode(format.format([ChatMessage(role: "user", content: prompt)]))
        }
    }

    /// The tokens that follow a finished model turn and ask for the next one: the turn's end (when
    /// it was cut short), then `userText` as the next prompt.
    func nextPrompt(after turn: Turn, userText: String, tokenizer: Tokenizer) throws -> [Int] {
        switch layout {
        case .plain(let end):
            let closing = turn.endedNormally ? "" : end
            return try tokenizer.encode(closing + userText)
        case .chat(let format):
            var ids: [Int] = []
            if !turn.endedNormally {
                guard let endId = tokenizer.id(for: format.endOfMessage) else {
                    throw TrainError("the tokenizer has no \(format.endOfMessage) token, which its chat format needs")
                }
                ids.append(endId)
            }
            return ids + (try tokenizer.encode(format.continuation([ChatMessage(role: "user", content: userText)])))
        }
    }

    /// Sampling stops for a model turn in this layout.
    func stopStrings() -> [String] {
        switch layout {
        case .plain(let end): return [end]
        case .chat(let format): return [format.endOfMessage]
        }
    }
}

extension EpisodeFormat {
    /// A reflect / retry demonstration laid out as a supervised example in this format: the prompt
    /// holds the task, the failed attempt and the reflection prompt; the completion (the trained part)
    /// holds the reflection, the retry prompt and the retry. The attempt is never trained on.
    public func warmupExample(_ demo: ReflectionDemonstration, kind: TaskKind) -> Example {
        let texts = prompts ?? template.reflection(for: kind)
        switch layout {
        case .plain(let end):
            return Example(prompt: demo.prompt + demo.attempt + end + texts.reflection,
                           completion: demo.reflection + end + texts.retry + demo.retry + end)
        case .chat(let format):
            let prompt = format.format([ChatMessage(role: "user", content: demo.prompt),
                                        ChatMessage(role: "assistant", content: demo.attempt),
                                        ChatMessage(role: "user", content: texts.reflection)])
            let completion = demo.reflection + format.endOfMessage
                + format.continuation([ChatMessage(role: "user", content: texts.retry)]) + demo.retry
            return Example(prompt: prompt, completion: completion)
        }
    }

    /// The first-try demonstration of `task` as a supervised example (prompt, gold completion);
    /// nil when the task has no gold completion.
    public func firstTryExample(_ task: AnyTask) throws -> Example? {
        guard let d = try template.demonstration(task) else { return nil }
        switch layout {
        case .plain(let end):
            return Example(prompt: d.prompt, completion: d.completion.hasSuffix(end) ? d.completion : d.completion + end)
        case .chat(let format):
            return Example(prompt: format.format([ChatMessage(role: "user", content: d.prompt)]), completion: d.completion)
        }
    }
}
