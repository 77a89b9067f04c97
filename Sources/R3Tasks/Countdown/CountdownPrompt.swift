/// The characters the compact Countdown format can produce: the prompt (`44 19 35>98:`), the
/// completion (an expression with optional spaces and `= N`, then a newline) and the compact
/// reflection/retry prompts (`?`, `!`). Sorted by code point. Build a character-level vocabulary
/// from it.
public let countdownAlphabet = "\n !()*+-/0123456789:=>?"

/// Countdown prompts and demonstrations.
///
/// - compact: prompt `44 19 35>98:`; completion `44+19+35\n`; the verifier reads the first line.
/// - chat: a TinyZero-style instruction; completion `<answer> 44 + 19 + 35 </answer>`; the verifier
///   reads the last `<answer>` tag.
public struct CountdownPrompt: Sendable, Equatable {
    public var style: PromptStyle
    /// The reflect / retry texts (defaults per style).
    public var reflection: ReflectionPrompts

    public init(style: PromptStyle = .chat, reflection: ReflectionPrompts? = nil) {
        self.style = style
        self.reflection = reflection ?? .defaults(for: .countdown, style: style)
    }

    /// The prompt for `task`.
    public func prompt(_ task: CountdownTask) -> String {
        switch style {
        case .compact:
            return task.nums.map(String.init).joined(separator: " ") + ">" + String(task.target) + ":"
        case .chat:
            let list = "[" + task.nums.map(String.init).joined(separator: ", ") + "]"
            return "Using the numbers \(list), create an equation that equals \(task.target). "
                + "Use every number exactly once, with the operations +, -, *, / and parentheses. "
                + "You may think first; then give only the equation in <answer> </answer> tags, "
                + "for example <answer> (1 + 2) / 3 </answer>."
        }
    }

    /// The gold completion for a solution.
    public func completion(_ solution: CountdownSolution) -> String {
        switch style {
        case .compact: return solution.compact + "\n"
        case .chat: return "<answer> " + solution.expression + " </answer>"
        }
    }

    /// Prompt plus a gold completion from the solver (the shortest canonical solution); nil when the
    /// task has no solution. Throws for tasks too large for the solver.
    public func demonstration(_ task: CountdownTask) throws(CountdownSolverError) -> Demonstration? {
        guard let s = try CountdownSolver().solveAll(task, limit: .max).first else { return nil }
        return Demonstration(prompt: prompt(task), completion: completion(s))
    }

    /// The verifier that reads answers in this style.
    public var verifier: CountdownVerifier {
        CountdownVerifier(extraction: style == .compact ? .firstLine : .answerTags)
    }
}
