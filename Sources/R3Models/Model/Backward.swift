import CBLAS
import Foundation

extension LanguageModel {
    /// Backward of the last `forwardForTraining`: given d(loss)/d(logprob) per position ([B * T];
    /// zero on masked positions), accumulates parameter gradients (call `zeroGradients()` first for
    /// a fresh step). Cross-entropy SFT is dLogprobs = -1/N on the N loss-mask positions; GRPO
    /// feeds its per-token policy-gradient, ratio, clip and KL terms the same way.
    public func backward(dLogprobs: [Float]) throws {
        guard let a = trainingActivations else { throw ModelError("backward needs a forwardForTraining first") }
        let c = config, B = a.B, T = a.T, N = B * T, D = c.hiddenSize, F = c.intermediateSize, V = c.vocabSize
        guard dLogprobs.count == N else { throw ModelError("dLogprobs has \(dLogprobs.count) entries, expected B * T = \(N)") }
        if grads == nil { zeroGradients() }
        let shape = AttentionShape(B: B, T: T, H: c.numHeads, K: c.numKVHeads, hd: c.headDim)
        let QKV = shape.QKV, Q = shape.Q
        let W = params.pointer, G = grads!.pointer
        let dres = a.ptr("dres"), dtmp = a.ptr("dtmp"), dqkv = a.ptr("dqkv"), datt = a.ptr("datt")
        let dgu = a.ptr("dgu"), dh = a.ptr("dh"), scratch = a.ptr("scratch")
        a.tokens.withUnsafeBufferPointer { tok in
        a.positions.withUnsafeBufferPointer { pos in
        a.targets.withUnsafeBufferPointer { tgt in
        dLogprobs.withUnsafeBufferPointer { dlp in
            // output head: dlogits = dlogp * (onehot - softmax); dWlm += dlogits^T normF; dnormF = dlogits Wlm
            let normF = a.ptr("normF"), logits = a.ptr("logits"), lse = a.ptr("lse")
            for r0 in stride(from: 0, to: N, by: a.lmRows) {
                let rows = min(a.lmRows, N - r0)
                if !a.logitsRetained { matmulForward(logits, normF + r0 * D, W + layout.lmHead, nil, rows, D, V) }
                logprobBackward(logits, lse + r0, tgt.baseAddress! + r0, dlp.baseAddress! + r0, rows, V)
                matmulBackward(dtmp + r0 * D, accumulateInput: false, G + layout.lmHead, nil, logits, normF + r0 * D,
                               W + layout.lmHead, rows, D, V)
            }
            a.logitsRetained = false
            dres.update(repeating: 0, count: N * D)
            rmsnormBackward(dres, G + layout.finalNorm, dtmp, a.res(c.numLayers), W + layout.finalNorm, a.ptr("rstdF"), N, D, scratch: scratch)
            for l in stride(from: c.numLayers - 1, through: 0, by: -1) {
                let w = layout.layers[l]
                let x = a.res(l), norm1 = a.ptr("norm1", layer: l), qkv = a.ptr("qkv", layer: l), att = a.ptr("att", layer: l)
                let res2 = a.ptr("res2", layer: l), norm2 = a.ptr("norm2", layer: l), gu = a.ptr("gu", layer: l), h = a.ptr("h", layer: l)
                // xNext = res2 + h Wd^T
                matmulBackward(dh, accumulateInput: false, G + w.wdown, nil, dres, h, W + w.wdown, N, F, D)
                swigluBackward(dgu, dh, gu, N, F)
                matmulBackward(dtmp, accumulateInput: false, G + w.wgu, nil, dgu, norm2, W + w.wgu, N, D, 2 * F)
                rmsnormBackward(dres, G + w.norm2, dtmp, res2, W + w.norm2, a.ptr("rstd2", layer: l), N, D, scratch: scratch)
                // res2 = x + att Wo^T
                matmulBackward(datt, accumulateInput: false, G + w.wo, nil, dres, att, W + w.wo, N, Q, D)
                attentionBackward(dqkv, datt, qkv, a.ptr("probs", layer: l), a.spans, shape, scratch: scratch)
                ropeApply(dqkv, stride: QKV, heads: c.numHeads, headDim: c.headDim, pos.baseAddress!, N, rope, inverse: true)
                ropeApply(dqkv + Q, stride: QKV, heads: c.numKVHeads, headDim: c.headDim, pos.baseAddress!, N, rope, inverse: true)
                matmulBackward(dtmp, accumulateInput: false, G + w.wqkv, w.bqkv.map { G + $0 }, dqkv, norm1, W + w.wqkv, N, D, QKV)
                rmsnormBackward(dres, G + w.norm1, dtmp, x, W + w.norm1, a.ptr("rstd1", layer: l), N, D, scratch: scratch)
            }
            // embedding: dE[tok[n]] += dres[n]
            let dE = G + layout.embedding
            for n in 0..<N {
                let row = dE + Int(tok[n]) * D, d = dres + n * D
                for i in 0..<D { row[i] += d[i] }
            }
        }}}}
    }
}
