/// Prompts, demonstrations, reflection texts and verifiers for any task, in one style: what a
/// training loop needs without switching on the task kind.
///
/// `.text` tasks use their own `prompt`, their `answer` as the gold completion, and exact match (with
/// whitespace normalisation) as the verifier.
public struct TaskTemplate: Sendable, Equatable {
    public var countdown: CountdownPrompt
    public var functionCalling: FunctionCallingPrompt
    /// Reflection texts for `.text` tasks.
    public var textReflection: ReflectionPrompts

    /// The templates of every kind in one style, with default reflection texts.
    public init(style: PromptStyle) {
        countdown = CountdownPrompt(style: style)
        functionCalling = FunctionCallingPrompt(style: style)
        textReflection = .defaults(for: .text, style: style)
    }

    public func prompt(_ task: AnyTask) -> String {
        switch task {
        case .countdown(let t): return countdown.prompt(t)
        case .functionCalling(let t): return functionCalling.prompt(t)
        case .text(let t): return t.prompt
        }
    }

    /// The prompt and a gold completion; nil when there is none (an unsolvable Countdown task, a
    /// text task without an answer). Throws for Countdown tasks too large for the solver.
    public func demonstration(_ task: AnyTask) throws(CountdownSolverError) -> Demonstration? {
        switch task {
        case .countdown(let t): return try countdown.demonstration(t)
        case .functionCalling(let t): return functionCalling.demonstration(t)
        case .text(let t): return t.answer.map { Demonstration(prompt: t.prompt, completion: $0) }
        }
    }

    public func reflection(for kind: TaskKind) -> ReflectionPrompts {
        switch kind {
        case .countdown: return countdown.reflection
        case .functionCalling: return functionCalling.reflection
        case .text: return textReflection
        }
    }

    /// The verifier matching this template's answer format for tasks of `kind`.
    public func verifier(for kind: TaskKind) -> Verifier {
        switch kind {
        case .countdown: return .countdown(countdown.verifier)
        case .functionCalling: return .functionCalling(functionCalling.verifier)
        case .text: return .exactMatch()
        }
    }
}
