import Foundation

/// Group-relative advantages. `rewards` holds whole groups of `groupSize` back to back; each
/// reward minus its group's mean, divided by `std + 1e-4` of the group (`.group`) or of the whole
/// batch (`.batch`), or not divided (`.none`). The standard deviation is the unbiased one (n - 1),
/// as TRL computes it with `torch.std`. A group whose rewards are all equal gets advantages 0.
public func groupAdvantages(_ rewards: [Double], groupSize: Int, scaling: GRPOConfig.RewardScaling) -> [Double] {
    precondition(groupSize > 0 && rewards.count % groupSize == 0, "rewards must hold whole groups")
    let batchStd = standardDeviation(rewards[...])
    var out = [Double](repeating: 0, count: rewards.count)
    for g in stride(from: 0, to: rewards.count, by: groupSize) {
        let group = rewards[g..<(g + groupSize)]
        let mean = group.reduce(0, +) / Double(groupSize)
        let scale: Double
        switch scaling {
        case .group: scale = standardDeviation(group) + 1e-4
        case .batch: scale = batchStd + 1e-4
        case .none: scale = 1
        }
        for i in group.indices { out[i] = (rewards[i] - mean) / scale }
    }
    return out
}

/// The unbiased standard deviation (0 for fewer than two values).
func standardDeviation(_ values: ArraySlice<Double>) -> Double {
    guard values.count > 1 else { return 0 }
    let mean = values.reduce(0, +) / Double(values.count)
    let ss = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return (ss / Double(values.count - 1)).squareRoot()
}

/// The k3 estimate of KL(policy || reference) at one sampled token (Schulman's "Approximating KL
/// divergence"): exp(ref - logp) - (ref - logp) - 1, never negative.
public func k3(logprob: Double, reference: Double) -> Double {
    let d = reference - logprob
    return exp(d) - d - 1
}

/// GRPO's loss at one trained token and its derivative with respect to the token's log-probability.
///
///     ratio = exp(logp - old)
///     loss  = -min(ratio * A, clamp(ratio, 1 - epsLow, 1 + epsHigh) * A) + beta * k3(logp, ref)
///
/// When the clipped term is the minimum and clipping is active, the ratio term has no gradient.
public struct TokenLoss: Equatable, Sendable {
    public var loss: Double
    /// d loss / d logp.
    public var derivative: Double
    /// The k3 KL estimate (0 without a reference).
    public var kl: Double
    /// The ratio fell below 1 - epsLow with a negative advantage (TRL `clip_ratio/low_mean`).
    public var clippedLow: Bool
    /// The ratio rose above 1 + epsHigh with a positive advantage (TRL `clip_ratio/high_mean`).
    public var clippedHigh: Bool

    public init(logprob: Double, old: Double, reference: Double?, advantage: Double,
                epsilonLow: Double, epsilonHigh: Double, beta: Double) {
        let ratio = exp(logprob - old)
        let clipped = min(max(ratio, 1 - epsilonLow), 1 + epsilonHigh)
        let unclippedTerm = ratio * advantage, clippedTerm = clipped * advantage
        let useUnclipped = unclippedTerm <= clippedTerm
        var loss = -min(unclippedTerm, clippedTerm)
        var derivative = useUnclipped ? -unclippedTerm : 0
        var kl = 0.0
        if let reference, beta != 0 {
            kl = k3(logprob: logprob, reference: reference)
            loss += beta * kl
            derivative += beta * (1 - exp(reference - logprob))
        }
        self.loss = loss
        self.derivative = derivative
        self.kl = kl
        clippedLow = ratio < 1 - epsilonLow && advantage < 0
        clippedHigh = ratio > 1 + epsilonHigh && advantage > 0
    }
}
