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
/// blocks of query rows. A key s is visible from query t when s <= t and seg[s] is seg[t] or its
/// parent (`TokenBatch.parentSegment`) and not 0; padding rows (seg 0) give zeros. Each block
/// multiplies only the key columns of its `spans` (the causal upper triangle, the padding and the
/// other branches of a packed group are skipped).
/// probs[B, H, T, T] keeps the attention weights for the backward (rows t, span columns; the other
/// columns are never read); when nil the weights live in `scratch` (workers x scratchPerWorker floats).
func attentionForward(_ out: UnsafeMutablePointer<Float>, _ probs: UnsafeMutablePointer<Float>?,
                      _ qkv: UnsafePointer<Float>, _ seg: UnsafePointer<Int32>, _ spans: KeySpans, _ s: AttentionShape,
                      scratch: UnsafeMutablePointer<Float>) {
    let T = s.T, hd = s.hd, QKV = s.QKV, Q = s.Q
    parallelRanges(s.B * s.H) { items, w in
        for item in items {
            let b = item / s.H, h = item % s.H, g = h / s.group
            let q = qkv + b * T * QKV + h * hd
            let k = qkv + b * T * QKV + Q + g * hd
            let v = k + s.K * hd
            let sg = seg + b * T
            for block in 0..<spans.blocks {
                let t0 = block * AttentionShape.blockRows, t1 = min(T, t0 + AttentionShape.blockRows), rows = t1 - t0
                let S = probs.map { $0 + ((b * s.H + h) * T + t0) * T } ?? (scratch + w * s.scratchPerWorker)
                let o = out + (b * T + t0) * Q + h * hd
                let visible = spans.spans(b, block)
                if visible.isEmpty {
                    for r in 0..<rows { (o + r * Q).update(repeating: 0, count: hd) }
                    continue
                }
                // S[:, span] = q k[span]^T * scale
                for span in visible {
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(span.count), Int32(hd),
                                s.scale, q + t0 * QKV, Int32(QKV), k + span.lowerBound * QKV, Int32(QKV), 0, S + span.lowerBound, Int32(T))
                }
                for r in 0..<rows {
                    maskedSoftmaxRow(S + r * T, sg, t: t0 + r, spans: visible)
                }
                // out = sum over spans of P[:, span] v[span]
                for (i, span) in visible.enumerated() {
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(hd), Int32(span.count),
                                1, S + span.lowerBound, Int32(T), v + span.lowerBound * QKV, Int32(QKV), i == 0 ? 0 : 1, o, Int32(Q))
                }
            }
        }
    }
}

/// Softmax of row's span columns over the keys visible from query t (causal, its own segment and
/// the parent segment a branch shares, see `TokenBatch`); invisible span columns become 0.
@inline(__always)
func maskedSoftmaxRow(_ row: UnsafeMutablePointer<Float>, _ seg: UnsafePointer<Int32>, t: Int, spans: ArraySlice<Range<Int>>) {
    let st = seg[t]
    if st == 0 {
        for span in spans { (row + span.lowerBound).update(repeating: 0, count: span.count) }
        return
    }
    let parent = TokenBatch.parentSegment(st)
    var m = -Float.infinity
    for span in spans where span.lowerBound <= t {
        let hi = min(span.upperBound, t + 1)
        for c in span.lowerBound..<hi where seg[c] != st && seg[c] != parent { row[c] = -.infinity }
        m = max(m, maxValue(row + span.lowerBound, hi - span.lowerBound))
    }
    var sum: Float = 0
    for span in spans where span.lowerBound <= t {
        let hi = min(span.upperBound, t + 1)
        sum += expShiftedSum(row + span.lowerBound, row + span.lowerBound, hi - span.lowerBound, shift: m)
    }
    for span in spans {
        let hi = min(span.upperBound, t + 1)
        if span.lowerBound < hi { scale(row + span.lowerBound, hi - span.lowerBound, by: 1 / sum) }
        let lo = max(span.lowerBound, t + 1)
        if lo < span.upperBound { (row + lo).update(repeating: 0, count: span.upperBound - lo) }
    }
}

/// dqkv[N, QKV] <- dout[N, H*hd], given the forward's qkv and probs and the same spans. Items are
/// (sequence, kv head) so that the heads sharing a k/v accumulate into it in a fixed order
/// (deterministic).
func attentionBackward(_ dqkv: UnsafeMutablePointer<Float>, _ dout: UnsafePointer<Float>, _ qkv: UnsafePointer<Float>,
                       _ probs: UnsafePointer<Float>, _ spans: KeySpans, _ s: AttentionShape, scratch: UnsafeMutablePointer<Float>) {
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
                for block in 0..<spans.blocks {
                    let t0 = block * AttentionShape.blockRows, t1 = min(T, t0 + AttentionShape.blockRows), rows = t1 - t0
                    let P = probs + ((b * s.H + h) * T + t0) * T
                    let visible = spans.spans(b, block)
                    if visible.isEmpty {
                        for r in 0..<rows { (dq + (t0 + r) * QKV).update(repeating: 0, count: hd) }
                        continue
                    }
                    // dP[:, span] = dO v[span]^T
                    for span in visible {
                        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(span.count), Int32(hd),
                                    1, dO + t0 * Q, Int32(Q), v + span.lowerBound * QKV, Int32(QKV), 0, dP + span.lowerBound, Int32(T))
                    }
                    // dS = P * (dP - sum(P * dP)) * scale, in place in dP (P is 0 on invisible columns)
                    let sc = SIMD8<Float>(repeating: s.scale)
                    for r in 0..<rows {
                        let p = P + r * T, d = dP + r * T
                        var pd: Float = 0
                        for span in visible { pd += dot(p + span.lowerBound, d + span.lowerBound, span.count) }
                        let pdv = SIMD8<Float>(repeating: pd)
                        for span in visible {
                            var c = span.lowerBound
                            while c + 8 <= span.upperBound {
                                store8(d + c, load8(p + c) * (load8(d + c) - pdv) * sc)
                                c += 8
                            }
                            while c < span.upperBound {
                                d[c] = p[c] * (d[c] - pd) * s.scale
                                c += 1
                            }
                        }
                    }
                    // dq = dS k ; dk += dS^T q ; dv += P^T dO, span by span
                    for (i, span) in visible.enumerated() {
                        let lo = span.lowerBound, n = Int32(span.count)
                        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(hd), n,
                                    1, dP + lo, Int32(T), k + lo * QKV, Int32(QKV), i == 0 ? 0 : 1, dq + t0 * QKV, Int32(QKV))
                        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, n, Int32(hd), Int32(rows),
                                    1, dP + lo, Int32(T), q + t0 * QKV, Int32(QKV), 1, dk + lo * QKV, Int32(QKV))
                        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, n, Int32(hd), Int32(rows),
                                    1, P + lo, Int32(T), dO + t0 * Q, Int32(Q), 1, dv + lo * QKV, Int32(QKV))
                    }
                }
            }
        }
    }
}
