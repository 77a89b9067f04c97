import R3Tasks

/// One GRPO group: G completions on the same context (G reflections after one failed attempt, each
/// with its retry; or, in plain mode, G first attempts), and their rewards.
struct Group {
    var task: AnyTask
    /// The failed first attempt the reflections answer (nil in plain mode).
    var attempt: Turn?
    /// The G completions whose tokens are trained: reflections, or attempts in plain mode.
    var completions: [Turn]
    /// The retry after each reflection (empty in plain mode).
    var retries: [Turn]
    var rewards: [Double]

    var hasSignal: Bool { rewards.contains { $0 != rewards[0] } }
}

/// One sequence to train on: its tokens, the ranges of them that carry loss, and the log-probs the
/// sampler saw for those tokens (GRPO's old log-probs), concatenated over the ranges.
struct Rollout {
    /// The group it belongs to (its members share their context).
    var group: Int
    var tokens: [Int]
    var spans: [Range<Int>]
    var oldLogprobs: [Float]
    var advantage: Double

    var trainedCount: Int { spans.reduce(0) { $0 + $1.count } }

    /// The rollout of completion `i` of `group` under `span` (the trained tokens are exactly the
    /// sampled tokens, in the context they were sampled in).
    init(group: Group, number: Int, index i: Int, span: GRPOConfig.RewardSpan, advantage: Double) {
        self.group = number
        let completion = group.completions[i]
        let own = completion.context.count..<(completion.context.count + completion.tokens.count)
        if span == .reflectionAndRetry, i < group.retries.count {
            let retry = group.retries[i]
            tokens = retry.sequence
            spans = [own, retry.context.count..<(retry.context.count + retry.tokens.count)]
            oldLogprobs = completion.logprobs + retry.logprobs
        } else {
            tokens = completion.sequence
            spans = [own]
            oldLogprobs = completion.logprobs
        }
        self.advantage = advantage
    }
}
