import R3Models
import R3Tasks

/// One model turn of an episode: the first attempt, the self-reflection, or the retry.
///
/// `context + tokens` is exactly the token sequence the model read and wrote: GRPO scores
/// `tokens` in this context, never in a re-tokenised one.
public struct Turn: Sendable {
    public enum Role: String, Sendable { case attempt, reflection, retry }

    public var role: Role
    /// The tokens the turn was sampled after (task prompt, earlier turns, the turn's own prompt).
    public var context: [Int]
    /// The sampled tokens, including the one that ended the turn (a stop string's last token or eos).
    public var tokens: [Int]
    /// [tokens.count] the raw log-probability of each sampled token at sampling time (temperature 1,
    /// before top-k / top-p): GRPO's old log-probs.
    public var logprobs: [Float]
    /// The decoded turn, without the stop string or eos.
    public var text: String
    public var finishReason: Generation.FinishReason
    /// The verifier's judgement of an attempt or a retry (nil for a reflection).
    public var verdict: Verdict?

    public init(role: Role, context: [Int], tokens: [Int], logprobs: [Float], text: String,
                finishReason: Generation.FinishReason, verdict: Verdict? = nil) {
        self.role = role
        self.context = context
        self.tokens = tokens
        self.logprobs = logprobs
        self.text = text
        self.finishReason = finishReason
        self.verdict = verdict
    }

    /// Whether the verifier passed this turn (false for a reflection).
    public var passed: Bool { verdict?.passed ?? false }

    /// Whether the turn ended at its stop string or a stop token rather than its token budget.
    public var endedNormally: Bool { finishReason != .length }

    /// `context + tokens`.
    public var sequence: [Int] { context + tokens }
}
