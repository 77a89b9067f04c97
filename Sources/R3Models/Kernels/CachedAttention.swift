import CBLAS
import Foundation

/// Attention of Tq new query rows per sequence against a KV cache.
/// q: rows of qkv[B * Tq, QKV]; sequence b of the call is cache row rows[b]; keys: the layer's cache
/// [cacheRows][K][hd][cap] (transposed); values [cacheRows][K][cap][hd]; slot s is visible from new
/// row t (at slot start + t) when s <= start + t and valid[rows[b] * cap + s] != 0.
/// out[B * Tq, H * hd]; rows whose own slot is invalid give zeros. scratch: workers x (blockRows * cap).
func cachedAttentionForward(_ out: UnsafeMutablePointer<Float>, _ qkv: UnsafePointer<Float>,
                            keys: UnsafePointer<Float>, values: UnsafePointer<Float>, valid: UnsafePointer<UInt8>,
                            rows: UnsafePointer<Int>, B: Int, Tq: Int, start: Int, capacity cap: Int, H: Int, K: Int, hd: Int,
                            scratch: UnsafeMutablePointer<Float>) {
    let QKV = (H + 2 * K) * hd, Q = H * hd, group = H / K
    let qscale = 1 / Float(hd).squareRoot()
    let L = start + Tq
    let perWorker = min(Tq, AttentionShape.blockRows) * cap
    parallelRanges(B * H, minimumPerWorker: Tq == 1 ? 16 : 1) { items, w in
        let S = scratch + w * perWorker
        for item in items {
            let b = item / H, h = item % H, g = h / group, r = rows[b]
            let kc = keys + (r * K + g) * cap * hd, vc = values + (r * K + g) * cap * hd
            let vmask = valid + r * cap
            if Tq == 1 {
                // decode: one query, hand loops over the cached slots
                let q = qkv + b * QKV + h * hd, o = out + b * Q + h * hd
                if vmask[start] == 0 {
                    o.update(repeating: 0, count: hd)
                    continue
                }
                // scores[s] = q . k_s over 8 slots at a time (keys are [hd][cap])
                var s = 0
                while s + 8 <= L {
                    var acc = SIMD8<Float>(repeating: 0)
                    for i in 0..<hd { acc += SIMD8<Float>(repeating: q[i]) * load8(kc + i * cap + s) }
                    store8(S + s, acc * qscale)
                    s += 8
                }
                while s < L {
                    var d: Float = 0
                    for i in 0..<hd { d += q[i] * kc[i * cap + s] }
                    S[s] = d * qscale
                    s += 1
                }
                for s in 0..<L where vmask[s] == 0 { S[s] = -.infinity }
                let m = maxValue(S, L)
                let inv = 1 / expShiftedSum(S, S, L, shift: m)
                o.update(repeating: 0, count: hd)
                for s in 0..<L where vmask[s] != 0 { axpy(o, S[s] * inv, vc + s * hd, hd) }
                continue
            }
            // prefill: row blocks through sgemm
            for t0 in stride(from: 0, to: Tq, by: AttentionShape.blockRows) {
                let t1 = min(Tq, t0 + AttentionShape.blockRows), rows = t1 - t0, keysN = start + t1
                let q = qkv + (b * Tq + t0) * QKV + h * hd
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(keysN), Int32(hd),
                            qscale, q, Int32(QKV), kc, Int32(cap), 0, S, Int32(cap))
                for r in 0..<rows {
                    let row = S + r * cap, slot = start + t0 + r
                    if vmask[slot] == 0 {
                        row.update(repeating: 0, count: keysN)
                        continue
                    }
                    for s in 0...slot where vmask[s] == 0 { row[s] = -.infinity }
                    let m = maxValue(row, slot + 1)
                    scale(row, slot + 1, by: 1 / expShiftedSum(row, row, slot + 1, shift: m))
                    if slot + 1 < keysN { (row + slot + 1).update(repeating: 0, count: keysN - slot - 1) }
                }
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(hd), Int32(keysN),
                            1, S, Int32(cap), vc, Int32(hd), 0, out + (b * Tq + t0) * Q + h * hd, Int32(Q))
            }
        }
    }
}
