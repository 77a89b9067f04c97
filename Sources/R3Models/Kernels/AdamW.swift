import Foundation

/// One AdamW update with PyTorch's semantics (torch.optim.AdamW, amsgrad off) over params[n]:
///   p *= 1 - lr * wd                 (decoupled weight decay; wd = 0 for norms and biases)
///   m = b1 m + (1 - b1) g ;  v = b2 v + (1 - b2) g^2
///   p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
/// `gradScale` multiplies g first (gradient clipping).
func adamwUpdate(_ p: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>, _ m: UnsafeMutablePointer<Float>,
                 _ v: UnsafeMutablePointer<Float>, _ n: Int, lr: Float, beta1: Float, beta2: Float, eps: Float,
                 weightDecay: Float, step t: Int, gradScale: Float) {
    let bc1 = 1 - powf(beta1, Float(t)), bc2sqrt = (1 - powf(beta2, Float(t))).squareRoot()
    let stepSize = lr / bc1, decay = 1 - lr * weightDecay
    parallelRanges(n, minimumPerWorker: 1 << 15) { range, _ in
        var i = range.lowerBound
        let b1 = SIMD8<Float>(repeating: beta1), b2 = SIMD8<Float>(repeating: beta2)
        let c1 = SIMD8<Float>(repeating: 1 - beta1), c2 = SIMD8<Float>(repeating: 1 - beta2)
        let gs = SIMD8<Float>(repeating: gradScale), dec = SIMD8<Float>(repeating: decay)
        let st = SIMD8<Float>(repeating: stepSize), bc = SIMD8<Float>(repeating: bc2sqrt), ep = SIMD8<Float>(repeating: eps)
        while i + 8 <= range.upperBound {
            let gi = load8(g + i) * gs
            let mi = b1 * load8(m + i) + c1 * gi
            let vi = b2 * load8(v + i) + c2 * gi * gi
            store8(m + i, mi)
            store8(v + i, vi)
            store8(p + i, load8(p + i) * dec - st * mi / (vi.squareRoot() / bc + ep))
            i += 8
        }
        while i < range.upperBound {
            let gi = g[i] * gradScale
            let mi = beta1 * m[i] + (1 - beta1) * gi
            let vi = beta2 * v[i] + (1 - beta2) * gi * gi
            m[i] = mi
            v[i] = vi
            p[i] = p[i] * decay - stepSize * mi / (vi.squareRoot() / bc2sqrt + eps)
            i += 1
        }
    }
}

/// Sum of squares of x[n] in Double, in fixed-size chunks added in order (deterministic).
func sumOfSquares(_ x: UnsafePointer<Float>, _ n: Int) -> Double {
    var total = 0.0
    let chunk = 4096
    for c0 in stride(from: 0, to: n, by: chunk) { total += Double(dot(x + c0, x + c0, min(chunk, n - c0))) }
    return total
}
