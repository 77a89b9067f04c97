import Foundation

/// Scratch of the cached (generation) forward: up to `rows` new token rows per call, in up to
/// `sequences` sequences of up to `maxRows` new tokens each.
final class DecodeWorkspace {
    let x: FloatBuffer, norm: FloatBuffer, qkv: FloatBuffer, att: FloatBuffer, gu: FloatBuffer, h: FloatBuffer
    let last: FloatBuffer, lastNorm: FloatBuffer, logits: FloatBuffer, scratch: FloatBuffer
    let rows: Int, sequences: Int, maxRows: Int

    init(config c: ModelConfig, sequences B: Int, rows N: Int, maxRows: Int, capacity: Int) {
        let D = c.hiddenSize, F = c.intermediateSize
        rows = N
        sequences = B
        self.maxRows = maxRows
        x = FloatBuffer(count: N * D)
        norm = FloatBuffer(count: N * D)
        qkv = FloatBuffer(count: N * (c.numHeads + 2 * c.numKVHeads) * c.headDim)
        att = FloatBuffer(count: N * c.numHeads * c.headDim)
        gu = FloatBuffer(count: N * 2 * F)
        h = FloatBuffer(count: N * F)
        last = FloatBuffer(count: B * D)
        lastNorm = FloatBuffer(count: B * D)
        logits = FloatBuffer(count: B * c.vocabSize)
        scratch = FloatBuffer(count: ModelThreads.count * max(min(maxRows, AttentionShape.blockRows) * capacity, D))
    }
}

extension LanguageModel {
    /// Runs Tq new tokens for each of `rows.count` sequences ([rows.count * Tq], `isReal` 0 for left
    /// padding) through the model; sequence i is row rows[i] of `cache`, and gets its keys/values
    /// appended there (rows left out get no token in this slot). Leaves the logits of each sequence's
    /// last new row in `ws.logits` [rows.count, V].
    func cachedForward(tokens: [Int32], isReal: [UInt8], Tq: Int, rows: [Int], cache: KVCache, ws: DecodeWorkspace) {
        if rows.count * Tq <= 4 {
            singleThreaded { cachedForwardBody(tokens: tokens, isReal: isReal, Tq: Tq, rows: rows, cache: cache, ws: ws) }
        } else {
            cachedForwardBody(tokens: tokens, isReal: isReal, Tq: Tq, rows: rows, cache: cache, ws: ws)
        }
    }

    private func cachedForwardBody(tokens: [Int32], isReal: [UInt8], Tq: Int, rows: [Int], cache: KVCache, ws: DecodeWorkspace) {
        let c = config, B = rows.count, N = B * Tq, D = c.hiddenSize, F = c.intermediateSize, V = c.vocabSize
        let H = c.numHeads, K = c.numKVHeads, hd = c.headDim, Q = H * hd, QKV = (H + 2 * K) * hd
        let W = params.pointer, eps = Float(c.rmsNormEps), start = cache.length, cap = cache.capacity
        precondition(N <= ws.rows && B <= ws.sequences && Tq <= ws.maxRows && start + Tq <= cap)
        var positions = [Int32](repeating: 0, count: N)
        for (b, r) in rows.enumerated() {
            for t in 0..<Tq where isReal[b * Tq + t] != 0 {
                positions[b * Tq + t] = cache.nextPosition[r]
                cache.nextPosition[r] += 1
                cache.valid[r * cap + start + t] = 1
            }
        }
        let x = ws.x.pointer, norm = ws.norm.pointer, qkv = ws.qkv.pointer, att = ws.att.pointer
        let gu = ws.gu.pointer, h = ws.h.pointer
        for n in 0..<N { (x + n * D).update(from: W + layout.embedding + Int(tokens[n]) * D, count: D) }
        positions.withUnsafeBufferPointer { pos in
        rows.withUnsafeBufferPointer { rowsOf in
        cache.valid.withUnsafeBufferPointer { valid in
            for l in 0..<c.numLayers {
                let w = layout.layers[l]
                rmsnormForward(norm, nil, x, W + w.norm1, N, D, eps)
                matmulForward(qkv, norm, W + w.wqkv, w.bqkv.map { UnsafePointer(W + $0) }, N, D, QKV)
                ropeApply(qkv, stride: QKV, heads: H, headDim: hd, pos.baseAddress!, N, rope, inverse: false)
                ropeApply(qkv + Q, stride: QKV, heads: K, headDim: hd, pos.baseAddress!, N, rope, inverse: false)
                for (b, r) in rows.enumerated() {
                    for g in 0..<K {
                        let o = cache.offset(layer: l, b: r, g: g)
                        for t in 0..<Tq {
                            let row = qkv + (b * Tq + t) * QKV
                            let k = row + Q + g * hd, kt = cache.keys.pointer + o + start + t
                            for i in 0..<hd { kt[i * cap] = k[i] }
                            (cache.values.pointer + o + (start + t) * hd).update(from: row + Q + K * hd + g * hd, count: hd)
                        }
                    }
                }
                let lo = cache.offset(layer: l, b: 0, g: 0)
                cachedAttentionForward(att, qkv, keys: cache.keys.pointer + lo, values: cache.values.pointer + lo,
                                       valid: valid.baseAddress!, rows: rowsOf.baseAddress!, B: B, Tq: Tq, start: start,
                                       capacity: cap, H: H, K: K, hd: hd, scratch: ws.scratch.pointer)
                matmulForward(x, att, W + w.wo, nil, N, Q, D, accumulate: true)
                rmsnormForward(norm, nil, x, W + w.norm2, N, D, eps)
                matmulForward(gu, norm, W + w.wgu, nil, N, D, 2 * F)
                swigluForward(h, gu, N, F)
                matmulForward(x, h, W + w.wdown, nil, N, F, D, accumulate: true)
            }
        }}}
        cache.length += Tq
        for b in 0..<B { (ws.last.pointer + b * D).update(from: x + (b * Tq + Tq - 1) * D, count: D) }
        rmsnormForward(ws.lastNorm.pointer, nil, ws.last.pointer, W + layout.finalNorm, B, D, eps)
        matmulForward(ws.logits.pointer, ws.lastNorm.pointer, W + layout.lmHead, nil, B, D, V)
    }
}
