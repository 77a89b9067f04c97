/// Scales the gradients of `parameters` so that their global L2 norm is at most `maxNorm`
/// (`torch.nn.utils.clip_grad_norm_`): each gradient is multiplied by maxNorm / (norm + 1e-6) when
/// that is below 1. Returns the norm before clipping (computed in Float64). Parameters without a
/// gradient are ignored. A non-finite norm is returned as is and the gradients are scaled by NaN,
/// so the next optimizer step reports the parameter (as PyTorch's default does not raise either).
@discardableResult
public func clipGradNorm(_ parameters: [Tensor], maxNorm: Float) throws -> Float {
    if !(maxNorm > 0) { throw TensorError("clipGradNorm", "maxNorm must be > 0, got \(maxNorm)") }
    var total = 0.0
    for p in parameters {
        guard let g = p.gradIfPresent else { continue }
        let ptr = g.pointer
        var s = 0.0
        for i in 0..<g.count { let v = Double(ptr[i]); s += v * v }
        total += s
    }
    let norm = total.squareRoot()
    let coef = Double(maxNorm) / (norm + 1e-6)
    if coef < 1 || !norm.isFinite {
        let c = Float(coef)
        try withNoGrad {
            for p in parameters { if let g = p.gradIfPresent { try p.setGrad(g * c) } }
        }
    }
    return Float(norm)
}
