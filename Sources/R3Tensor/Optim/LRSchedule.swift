import Foundation

/// A learning-rate schedule: the rate for the update after `step` completed steps, with the
/// semantics of Hugging Face transformers' schedulers (`get_constant_schedule_with_warmup`,
/// `get_linear_schedule_with_warmup`, `get_cosine_with_min_lr_schedule_with_warmup`): warmup rises
/// linearly from 0 at step 0 to the peak at `warmupSteps`.
public struct LRSchedule: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable { case constant, linearWarmup, linear, cosine }
    public let kind: Kind
    /// The peak learning rate.
    public let lr: Float
    public let warmupSteps: Int
    /// The step at which linear decay reaches 0 and cosine decay reaches `minLR` (then stays there).
    public let totalSteps: Int
    public let minLR: Float

    /// `lr` at every step.
    public static func constant(_ lr: Float) -> LRSchedule {
        LRSchedule(kind: .constant, lr: lr, warmupSteps: 0, totalSteps: 0, minLR: lr)
    }

    /// Linear warmup over `warmupSteps`, then constant `lr`.
    public static func linearWarmup(lr: Float, warmupSteps: Int) throws -> LRSchedule {
        try check(warmupSteps: warmupSteps, totalSteps: nil, op: "linearWarmup")
        return LRSchedule(kind: .linearWarmup, lr: lr, warmupSteps: warmupSteps, totalSteps: 0, minLR: lr)
    }

    /// Linear warmup, then linear decay to 0 at `totalSteps`.
    public static func linear(lr: Float, warmupSteps: Int, totalSteps: Int) throws -> LRSchedule {
        try check(warmupSteps: warmupSteps, totalSteps: totalSteps, op: "linear")
        return LRSchedule(kind: .linear, lr: lr, warmupSteps: warmupSteps, totalSteps: totalSteps, minLR: 0)
    }

    /// Linear warmup, then half a cosine from `lr` down to `minLR` at `totalSteps`.
    public static func cosine(lr: Float, warmupSteps: Int, totalSteps: Int, minLR: Float = 0) throws -> LRSchedule {
        try check(warmupSteps: warmupSteps, totalSteps: totalSteps, op: "cosine")
        if !(minLR >= 0 && minLR <= lr) { throw TensorError("cosine", "minLR must be in [0, lr], got \(minLR) for lr \(lr)") }
        return LRSchedule(kind: .cosine, lr: lr, warmupSteps: warmupSteps, totalSteps: totalSteps, minLR: minLR)
    }

    private static func check(warmupSteps: Int, totalSteps: Int?, op: String) throws {
        if warmupSteps < 0 { throw TensorError(op, "warmupSteps must be >= 0, got \(warmupSteps)") }
        if let totalSteps, totalSteps < warmupSteps || totalSteps <= 0 {
            throw TensorError(op, "totalSteps must be positive and >= warmupSteps (\(warmupSteps)), got \(totalSteps)")
        }
    }

    /// The learning rate for the update that follows `step` completed steps.
    public func learningRate(at step: Int) -> Float {
        let s = Double(Swift.max(step, 0))
        let peak = Double(lr)
        if kind == .constant { return lr }
        if step < warmupSteps { return Float(peak * s / Double(Swift.max(1, warmupSteps))) }
        let progress = Swift.min(1, (s - Double(warmupSteps)) / Double(Swift.max(1, totalSteps - warmupSteps)))
        switch kind {
        case .constant, .linearWarmup:
            return lr
        case .linear:
            return Float(peak * Swift.max(0, 1 - progress))
        case .cosine:
            let rate = Double(minLR) / Swift.max(peak, .leastNonzeroMagnitude)
            let factor = 0.5 * (1 + Foundation.cos(Double.pi * progress))
            return Float(peak * (factor * (1 - rate) + rate))
        }
    }

    public var description: String {
        switch kind {
        case .constant: return "constant(lr: \(lr))"
        case .linearWarmup: return "linearWarmup(lr: \(lr), warmupSteps: \(warmupSteps))"
        case .linear: return "linear(lr: \(lr), warmupSteps: \(warmupSteps), totalSteps: \(totalSteps))"
        case .cosine: return "cosine(lr: \(lr), warmupSteps: \(warmupSteps), totalSteps: \(totalSteps), minLR: \(minLR))"
        }
    }
}
