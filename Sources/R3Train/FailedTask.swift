import R3Tasks

/// A training task for the reflect / retry / reward loop: the task and, when failure mining
/// recorded one, the model's failed first attempt at it. GRPO's prompt is then the conversation up
/// to the reflection request (task, failed attempt, reflection prompt), and its G completions are
/// reflections.
public struct FailedTask: Sendable {
    public var task: AnyTask
    /// The failed first attempt (nil: the trainer samples one when it draws the task).
    public var attempt: Turn?

    public init(task: AnyTask, attempt: Turn? = nil) {
        self.task = task
        self.attempt = attempt
    }
}
