/// How prompts are written.
public enum PromptStyle: String, Sendable, CaseIterable {
    /// Short prompts for tiny from-scratch character-level models: no instructions, the answer on one
    /// line (generation stops at a newline; the verifier reads the first line).
    case compact
    /// Instruction prompts for instruct/chat models (the user message; the model's chat template is
    /// applied by the tokenizer), with the answer in tags or as bare JSON.
    case chat
}

/// A prompt and its gold completion, for supervised warm-up.
public struct Demonstration: Sendable, Equatable {
    public var prompt: String
    public var completion: String
    /// `prompt + completion`.
    public var text: String { prompt + completion }

    public init(prompt: String, completion: String) {
        self.prompt = prompt
        self.completion = completion
    }
}

/// The texts of the reflect / retry loop: after a failed attempt the model is asked for a
/// `reflection`; the second attempt follows `retry`. Defaults per task and style; every field can be
/// replaced.
public struct ReflectionPrompts: Sendable, Equatable {
    /// Asks for a self-reflection after a failed attempt.
    public var reflection: String
    /// Introduces the second attempt, after the reflection.
    public var retry: String

    public init(reflection: String, retry: String) {
        self.reflection = reflection
        self.retry = retry
    }

    /// The defaults for a task kind and prompt style. Compact defaults are single symbols from the
    /// compact alphabet (`?` asks for the reflection, `!` for the retry), so character-level
    /// vocabularies stay small.
    public static func defaults(for kind: TaskKind, style: PromptStyle) -> ReflectionPrompts {
        switch (kind, style) {
        case (_, .compact):
            return ReflectionPrompts(reflection: "?", retry: "!")
        case (.countdown, .chat):
            return ReflectionPrompts(
                reflection: "You failed this task. Reflect on what went wrong and how to do better next time. Write a short explanation.",
                retry: "Now try the task again. Give the final equation in <answer> </answer> tags.")
        case (.functionCalling, .chat):
            return ReflectionPrompts(
                reflection: "You tried performing the task, but failed in generating the correct tool call. Reflect on what went wrong and write a short explanation that will help you do better next time.",
                retry: "Now try the task again. Respond with the JSON list of tool calls.")
        case (.text, .chat):
            return ReflectionPrompts(
                reflection: "You failed this task. Reflect on what went wrong and how to do better next time. Write a short explanation.",
                retry: "Now try the task again.")
        }
    }
}
