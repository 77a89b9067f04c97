/// The outcome of checking one model output against one task.
public struct Verdict: Sendable, Equatable, CustomStringConvertible {
    /// The binary signal the training loop uses.
    public var passed: Bool
    /// A graded score in [0, 1]: 1 when passed; partial credit when a verifier defines it, else 0.
    public var score: Double
    /// Why: "correct" on a pass, a specific human reason on a failure.
    public var reason: String

    /// A verdict; `score` is clamped into [0, 1] (NaN becomes 0).
    public init(passed: Bool, score: Double, reason: String) {
        self.passed = passed
        self.score = score.isNaN ? 0 : min(1, max(0, score))
        self.reason = reason
    }

    /// A pass with score 1.
    public static func pass(_ reason: String = "correct") -> Verdict { Verdict(passed: true, score: 1, reason: reason) }

    /// A failure with the given reason and partial score.
    public static func fail(_ reason: String, score: Double = 0) -> Verdict { Verdict(passed: false, score: score, reason: reason) }

    public var description: String { passed ? "passed (\(reason))" : "failed: \(reason)" }

    /// `{"passed": ..., "score": ..., "reason": ...}`.
    public var json: JSONValue {
        .object(JSONObject([("passed", .bool(passed)), ("score", .double(score)), ("reason", .string(reason))]))
    }
}
