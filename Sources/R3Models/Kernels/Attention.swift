import CBLAS
import Foundation

/// Shapes of one attention call: B sequences of T positions, H query heads sharing K key/value
/// heads (grouped-query attention), head width hd. qkv rows are [q (H*hd) | k (K*hd) | v (K*hd)].
struct AttentionShape {
    let B: Int, T: Int, H: Int, K: Int, hd: Int
    var Q: Int { H * hd }
    var QKV: Int { (H + 2 * K) * hd }
    var group: Int { H / K }
    var scale: Float { 1 / Float(hd).squareRoot() }
    /// Query rows per block: keys beyond a block's last row are never computed (causal).
    static let blockRows = 64
    /// Scratch floats per worker.
    var scratchPerWorker: Int { min(T, Self.blockRows) * T }
}

/// out[N, H*hd] <- softmax(q k^T * scale + causal/segment mask) v, per (sequence, head), over
/// row blocks so the upper triangle is mostly skipped. A key s is visible from query t when
/// s <= t and seg[s] is seg[t] or its parent (`TokenBatch.parentSegment`) and not 0; padding rows
/// (seg 0) give zeros.
/// probs[B, H, T, T] keeps the attention weights for the backward (rows t, visible columns); when
/// nil the weights live in `scratch` (workers x scratchPerWorker floats).
func attentionForward(_ out: UnsafeMutablePointer<Float>, _ probs: UnsafeMutablePointer<Float>?,
                      _ qkv: UnsafePointer<Float>, _ seg: UnsafePointer<Int32>, _ s: AttentionShape,
                      scratch: UnsafeMutablePointer<Float>) {
    let T = s.T, hd = s.hd, QKV = s.QKV, Q = s.Q
    parallelRanges(s.B * s.H) { items, w in
        for item in items {
            let b = item / s.H, h = item % s.H, g = h / s.group
            let q = qkv + b * T * QKV + h * hd
            let k = qkv + b * T * QKV + Q + g * hd
            let v = k + s.K * hd
            let sg = seg + b * T
            for t0 in stride(from: 0, to: T, by: AttentionShape.blockRows) {
                let t1 = min(T, t0 + AttentionShape.blockRows), rows = t1 - t0
                let S = probs.map { $0 + ((b * s.H + h) * T + t0) * T } ?? (scratch + w * s.scratchPerWorker)
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(t1), Int32(hd),
                            s.scale, q + t0 * QKV, Int32(QKV), k, Int32(QKV), 0, S, Int32(T))
                for r in 0..<rows {
                    maskedSoftmaxRow(S + r * T, sg, t: t0 + r, count: t1)
                }
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(hd), Int32(t1),
                            1, S, Int32(T), v, Int32(QKV), 0, out + (b * T + t0) * Q + h * hd, Int32(Q))
            }
        }
    }
}

/// Softmax of row[0..<count] over the keys visible from query t (its own segment and the parent
/// segment a branch shares, see `TokenBatch`); invisible entries become 0.
@inline(__always)
func maskedSoftmaxRow(_ row: UnsafeMutablePointer<Float>, _ seg: UnsafePointer<Int32>, t: Int, count: Int) {
    let st = seg[t]
    if st == 0 {
        row.update(repeating: 0, count: count)
        return
    }
    let parent = TokenBatch.parentSegment(st)
    for s in 0...t where seg[s] != st && seg[s] != parent { row[s] = -.infinity }
    let m = maxValue(row, t + 1)
    let sum = expShiftedSum(row, row, t + 1, shift: m)
    scale(row, t + 1, by: 1 / sum)
    if t + 1 < count { (row + t + 1).update(repeating: 0, count: count - t - 1) }
}

/// dqkv[N, QKV] <- dout[N, H*hd], given the forward's qkv and probs. Items are (sequence, kv head)
/// so that the heads sharing a k/v accumulate into it in a fixed order (deterministic).
func attentionBackward(_ dqkv: UnsafeMutablePointer<Float>, _ dout: UnsafePointer<Float>, _ qkv: UnsafePointer<Float>,
                       _ probs: UnsafePointer<Float>, _ s: AttentionShape, scratch: UnsafeMutablePointer<Float>) {
    let T = s.T, hd = s.hd, QKV = s.QKV, Q = s.Q
    parallelRanges(s.B * s.K) { items, w in
        let dP = scratch + w * s.scratchPerWorker
        for item in items {
            let b = item / s.K, g = item % s.K
            let k = qkv + b * T * QKV + Q + g * hd, v = k + s.K * hd
            let dk = dqkv + b * T * QKV + Q + g * hd, dv = dk + s.K * hd
            for t in 0..<T {
                (dk + t * QKV).update(repeating: 0, count: hd)
                (dv + t * QKV).update(repeating: 0, count: hd)
            }
            for h in (g * s.group)..<((g + 1) * s.group) {
                let q = qkv + b * T * QKV + h * hd, dq = dqkv + b * T * QKV + h * hd
                let dO = dout + b * T * Q + h * hd
                for t0 in stride(from: 0, to: T, by: AttentionShape.blockRows) {
                    let t1 = min(T, t0 + AttentionShape.blockRows), rows = t1 - t0
                    let P = probs + ((b * s.H + h) * T + t0) * T
                    // dP = dO v^T
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(t1), Int32(hd),
                                1, dO + t0 * Q, Int32(Q), v, Int32(QKV), 0, dP, Int32(T))
                    // dS = P * (dP - sum(P * dP)) * scale, in place in dP
                    let sc = SIMD8<Float>(repeating: s.scale)
                    for r in 0..<rows {
                        let p = P + r * T, d = dP + r * T
                        let n = t0 + r + 1  // visible columns; P is 0 beyond them
                        let pd = dot(p, d, n)
                        let pdv = SIMD8<Float>(repeating: pd)
                        var c = 0
                        while c + 8 <= n {
                            store8(d + c, load8(p + c) * (load8(d + c) - pdv) * sc)
                            c += 8
                        }
                        while c < n {
                            d[c] = p[c] * (d[c] - pd) * s.scale
                            c += 1
                        }
                        if n < t1 { (d + n).update(repeating: 0, count: t1 - n) }
                    }
                    // dq = dS k ; dk += dS^T q ; dv += P^T dO
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(hd), Int32(t1),
                                1, dP, Int32(T), k, Int32(QKV), 0, dq + t0 * QKV, Int32(QKV))
                    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(t1), Int32(hd), Int32(rows),
                                1, dP, Int32(T), q + t0 * QKV, Int32(QKV), 1, dk, Int32(QKV))
                    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(t1), Int32(hd), Int32(rows),
                                1, P, Int32(T), dO + t0 * Q, Int32(Q), 1, dv, Int32(QKV))
                }
            }
        }
    }
}
