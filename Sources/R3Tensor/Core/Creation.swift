import Foundation
import R3Random

extension Tensor {
    /// A tensor of `shape` filled with `value`.
    public static func full(_ shape: [Int], value: Float, requiresGrad: Bool = false) throws -> Tensor {
        var t = try uninitialized(shape, op: "full")
        let p = SendablePointer(t.pointer)
        Parallel.forRanges(t.count) { r in (p.p + r.lowerBound).update(repeating: value, count: r.count) }
        if requiresGrad { t.node = GradNode(leafShape: shape) }
        return t
    }

    /// A tensor of `shape` filled with zeros.
    public static func zeros(_ shape: [Int], requiresGrad: Bool = false) throws -> Tensor {
        do { return try full(shape, value: 0, requiresGrad: requiresGrad) } catch let e as TensorError {
            throw TensorError("zeros", e.message)
        }
    }

    /// A tensor of `shape` filled with ones.
    public static func ones(_ shape: [Int], requiresGrad: Bool = false) throws -> Tensor {
        do { return try full(shape, value: 1, requiresGrad: requiresGrad) } catch let e as TensorError {
            throw TensorError("ones", e.message)
        }
    }

    /// Zeros with the shape of `other`.
    public static func zeros(like other: Tensor) -> Tensor { zeros(validShape: other.shape) }

    /// Zeros of a shape no larger than an existing tensor's (no limit check).
    static func zeros(validShape shape: [Int]) -> Tensor {
        let t = uninitialized(validShape: shape)
        t.pointer.initialize(repeating: 0, count: t.count)
        return t
    }

    /// `[0, 1, ..., end - 1]` (like `torch.arange(end)`).
    public static func arange(_ end: Double) throws -> Tensor { try arange(0, end) }

    /// `[start, start + step, ...]` up to but excluding `end` (like `torch.arange`).
    public static func arange(_ start: Double, _ end: Double, step: Double = 1) throws -> Tensor {
        guard step != 0, step.isFinite, start.isFinite, end.isFinite else {
            throw TensorError("arange", "start, end and step must be finite and step non-zero (got \(start), \(end), \(step))")
        }
        let nd = Swift.max(0, ((end - start) / step).rounded(.up))
        let n = Int(Swift.min(nd, 1e18))
        let t = try uninitialized([n], op: "arange")
        for i in 0..<n { t.pointer[i] = Float(start + Double(i) * step) }
        return t
    }

    /// `count` evenly spaced values from `start` to `end` inclusive (like `torch.linspace`).
    public static func linspace(_ start: Double, _ end: Double, count: Int) throws -> Tensor {
        if count < 0 { throw TensorError("linspace", "count must be non-negative, got \(count)") }
        let t = try uninitialized([count], op: "linspace")
        let step = count > 1 ? (end - start) / Double(count - 1) : 0
        for i in 0..<count { t.pointer[i] = Float(i == count - 1 && count > 1 ? end : start + Double(i) * step) }
        return t
    }

    /// The `n x m` identity-like matrix (ones on the diagonal; `m` defaults to `n`).
    public static func eye(_ n: Int, _ m: Int? = nil) throws -> Tensor {
        let m = m ?? n
        let t = try uninitialized([n, m], op: "eye")
        t.pointer.initialize(repeating: 0, count: n * m)
        for i in 0..<Swift.min(n, m) { t.pointer[i * m + i] = 1 }
        return t
    }

    /// Standard normal samples (`torch.randn`), drawn from `generator` in row-major order, scaled
    /// to `mean + std * z`.
    public static func randn(_ shape: [Int], mean: Float = 0, std: Float = 1, using generator: inout RandomGenerator,
                             requiresGrad: Bool = false) throws -> Tensor {
        var t = try uninitialized(shape, op: "randn")
        let p = t.pointer
        for i in 0..<t.count { p[i] = mean + std * Float(generator.nextNormal()) }
        if requiresGrad { t.node = GradNode(leafShape: shape) }
        return t
    }

    /// Standard normal samples from a generator seeded with `seed`: the same seed gives the same tensor.
    public static func randn(_ shape: [Int], seed: UInt64, mean: Float = 0, std: Float = 1, requiresGrad: Bool = false) throws -> Tensor {
        var g = RandomGenerator(seed: seed)
        return try randn(shape, mean: mean, std: std, using: &g, requiresGrad: requiresGrad)
    }

    /// Uniform samples in `[low, high)` (`torch.rand` for the defaults), drawn in row-major order.
    public static func rand(_ shape: [Int], low: Float = 0, high: Float = 1, using generator: inout RandomGenerator,
                            requiresGrad: Bool = false) throws -> Tensor {
        var t = try uninitialized(shape, op: "rand")
        let p = t.pointer
        for i in 0..<t.count { p[i] = low + (high - low) * generator.nextFloat() }
        if requiresGrad { t.node = GradNode(leafShape: shape) }
        return t
    }

    /// Uniform samples in `[low, high)` from a generator seeded with `seed`.
    public static func rand(_ shape: [Int], seed: UInt64, low: Float = 0, high: Float = 1, requiresGrad: Bool = false) throws -> Tensor {
        var g = RandomGenerator(seed: seed)
        return try rand(shape, low: low, high: high, using: &g, requiresGrad: requiresGrad)
    }
}
