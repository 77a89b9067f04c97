import CBLAS
import Foundation

/// What a forward pass returns for each position of the batch.
public struct LogprobOutput: Sendable {
    /// [B * T] log-probability of each position's target token (0 where the target is -1).
    public var logprobs: [Float]
    /// [B * T] entropy of the next-token distribution (when asked; 0 on padding).
    public var entropy: [Float]?
    /// [B * T * V] logits (only when asked).
    public var logits: [Float]?
}

extension LanguageModel {
    /// Training forward: per-position log-probabilities of `targets` ([B * T], -1 = none; use
    /// `batch.nextTokenTargets` for next-token prediction), keeping every activation for `backward`.
    /// `entropy` adds per-position entropy (reported, not differentiated).
    public func forwardForTraining(_ batch: TokenBatch, targets: [Int32], entropy: Bool = false) throws -> LogprobOutput {
        let acts = try prepare(batch, targets: targets, keep: true)
        return run(acts, entropy: entropy, logits: false)
    }

    /// Inference forward (nothing kept for a backward; a reference model's log-probs): as
    /// `forwardForTraining` but with one shared slot per activation.
    public func logprobs(_ batch: TokenBatch, targets: [Int32], entropy: Bool = false) throws -> LogprobOutput {
        let acts = try prepare(batch, targets: targets, keep: false)
        return run(acts, entropy: entropy, logits: false)
    }

    /// The logits [B * T * V] of every position (inference path).
    public func logits(_ batch: TokenBatch) throws -> [Float] {
        let acts = try prepare(batch, targets: [Int32](repeating: -1, count: batch.tokens.count), keep: false)
        return run(acts, entropy: false, logits: true).logits!
    }

    /// Checks the batch and loads it into an activation arena.
    func prepare(_ batch: TokenBatch, targets: [Int32], keep: Bool) throws -> Activations {
        let B = batch.batchSize, T = batch.length, V = config.vocabSize
        // Rows may be longer than the context when they pack branches; every position must fit.
        if let p = batch.positions.max(), Int(p) >= config.maxPositions {
            throw ModelError("sequence length \(Int(p) + 1) exceeds the model's context length \(config.maxPositions)")
        }
        guard targets.count == B * T else { throw ModelError("targets have \(targets.count) entries, expected B * T = \(B * T)") }
        for (i, t) in batch.tokens.enumerated() where Int(t) >= V {
            throw ModelError("token id \(t) at row \(i / T), position \(i % T) is outside the vocabulary (vocab_size \(V))")
        }
        for (i, t) in targets.enumerated() where Int(t) >= V || t < -1 {
            throw ModelError("target id \(t) at row \(i / T), position \(i % T) is outside the vocabulary (vocab_size \(V))")
        }
        let acts: Activations
        let previous = keep ? trainingActivations : inferenceActivations
        if let a = previous, a.fits(B: B, T: T, keep: keep) { acts = a } else {
            acts = Activations(config: config, B: B, T: T, keep: keep, reusing: previous)
            if keep { trainingActivations = acts } else { inferenceActivations = acts }
        }
        acts.tokens = batch.tokens
        acts.segments = batch.segments
        acts.spans = KeySpans(segments: batch.segments, B: B, T: T)
        acts.positions = batch.positions
        acts.targets = targets
        return acts
    }

    /// The forward pass proper (llm.c's gpt2_forward): embedding, L blocks, final norm, output head.
    func run(_ a: Activations, entropy wantEntropy: Bool, logits wantLogits: Bool) -> LogprobOutput {
        let c = config, B = a.B, T = a.T, N = B * T, D = c.hiddenSize, F = c.intermediateSize, V = c.vocabSize
        let shape = AttentionShape(B: B, T: T, H: c.numHeads, K: c.numKVHeads, hd: c.headDim)
        let QKV = shape.QKV, Q = shape.Q
        let W = params.pointer
        let eps = Float(c.rmsNormEps)
        var logitsOut: [Float]? = wantLogits ? [Float](repeating: 0, count: N * V) : nil
        a.tokens.withUnsafeBufferPointer { tok in
        a.segments.withUnsafeBufferPointer { seg in
        a.positions.withUnsafeBufferPointer { pos in
        a.targets.withUnsafeBufferPointer { tgt in
            // embedding: res0[n] = E[tok[n]]
            let res0 = a.res(0)
            for n in 0..<N { (res0 + n * D).update(from: W + layout.embedding + Int(tok[n]) * D, count: D) }
            for l in 0..<c.numLayers {
                let w = layout.layers[l]
                let x = a.res(l), xNext = a.res(l + 1)
                let norm1 = a.ptr("norm1", layer: l), qkv = a.ptr("qkv", layer: l), att = a.ptr("att", layer: l)
                let res2 = a.ptr("res2", layer: l), norm2 = a.ptr("norm2", layer: l)
                let gu = a.ptr("gu", layer: l), h = a.ptr("h", layer: l)
                rmsnormForward(norm1, a.ptr("rstd1", layer: l), x, W + w.norm1, N, D, eps)
                matmulForward(qkv, norm1, W + w.wqkv, w.bqkv.map { UnsafePointer(W + $0) }, N, D, QKV)
                ropeApply(qkv, stride: QKV, heads: c.numHeads, headDim: c.headDim, pos.baseAddress!, N, rope, inverse: false)
                ropeApply(qkv + Q, stride: QKV, heads: c.numKVHeads, headDim: c.headDim, pos.baseAddress!, N, rope, inverse: false)
                attentionForward(att, a.keep ? a.ptr("probs", layer: l) : nil, qkv, seg.baseAddress!, a.spans, shape, scratch: a.ptr("scratch"))
                res2.update(from: x, count: N * D)
                matmulForward(res2, att, W + w.wo, nil, N, Q, D, accumulate: true)
                rmsnormForward(norm2, a.ptr("rstd2", layer: l), res2, W + w.norm2, N, D, eps)
                matmulForward(gu, norm2, W + w.wgu, nil, N, D, 2 * F)
                swigluForward(h, gu, N, F)
                xNext.update(from: res2, count: N * D)
                matmulForward(xNext, h, W + w.wdown, nil, N, F, D, accumulate: true)
            }
            let normF = a.ptr("normF")
            rmsnormForward(normF, a.ptr("rstdF"), a.res(c.numLayers), W + layout.finalNorm, N, D, eps)
            let logits = a.ptr("logits"), lse = a.ptr("lse"), logp = a.ptr("logp")
            let ent: UnsafeMutablePointer<Float>? = wantEntropy ? a.ptr("entropy") : nil
            for r0 in stride(from: 0, to: N, by: a.lmRows) {
                let rows = min(a.lmRows, N - r0)
                matmulForward(logits, normF + r0 * D, W + layout.lmHead, nil, rows, D, V)
                if wantLogits {
                    logitsOut!.withUnsafeMutableBufferPointer { $0.baseAddress!.advanced(by: r0 * V).update(from: logits, count: rows * V) }
                }
                logprobForward(logp + r0, ent.map { $0 + r0 }, lse + r0, logits, tgt.baseAddress! + r0, rows, V)
            }
            a.logitsRetained = a.lmRows >= N
            // padding positions report 0
            for n in 0..<N where seg[n] == 0 {
                logp[n] = 0
                ent?[n] = 0
            }
        }}}}
        return LogprobOutput(logprobs: Array(UnsafeBufferPointer(start: a.ptr("logp"), count: N)),
                             entropy: wantEntropy ? Array(UnsafeBufferPointer(start: a.ptr("entropy"), count: N)) : nil,
                             logits: logitsOut)
    }
}
