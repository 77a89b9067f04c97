import Foundation
import R3Random

/// Settings of `sample`, with documented defaults.
public struct SamplingConfig: Equatable, Sendable {
    /// New tokens per sequence at most (default 64; also capped by the context length).
    public var maxNewTokens: Int
    /// Softmax temperature; 0 means greedy (argmax, the first on ties) (default 1).
    public var temperature: Double
    /// Keep only the k most likely tokens (0 = off; default 0). Ties at the k-th value are kept.
    public var topK: Int
    /// Nucleus sampling: drop the least likely tokens whose cumulative probability is at most
    /// 1 - topP, as transformers' TopPLogitsWarper does (1 = off; default 1).
    public var topP: Double
    /// Text that ends a generation; the returned text stops before it (default none).
    public var stop: [String]
    /// End a sequence at the model's stop tokens (eos, <|im_end|>, ...) (default true).
    public var stopAtEOS: Bool
    /// Seed of the draws (R3Random); the same seed and prompts give the same samples (default 0).
    public var seed: UInt64

    public init(maxNewTokens: Int = 64, temperature: Double = 1, topK: Int = 0, topP: Double = 1, stop: [String] = [],
                stopAtEOS: Bool = true, seed: UInt64 = 0) {
        self.maxNewTokens = maxNewTokens
        self.temperature = temperature
        self.topK = topK
        self.topP = topP
        self.stop = stop
        self.stopAtEOS = stopAtEOS
        self.seed = seed
    }
}

/// Picks the next token from one row of logits[V] per `config`, drawing from `rng` unless greedy.
/// Returns the token and its raw log-probability log_softmax(logits)[token] (temperature 1, no
/// top-k/top-p filtering): the number a later forward pass computes for the same context.
func pickToken(_ logits: UnsafePointer<Float>, _ V: Int, _ config: SamplingConfig, _ rng: inout RandomGenerator,
               _ probs: UnsafeMutablePointer<Double>) -> (token: Int, logprob: Float) {
    var m = -Float.infinity, best = 0
    for i in 0..<V where logits[i] > m {
        m = logits[i]
        best = i
    }
    var sum: Float = 0
    for i in 0..<V { sum += expf(logits[i] - m) }
    let lse = m + logf(sum)
    if config.temperature <= 0 || config.topK == 1 { return (best, logits[best] - lse) }
    let invT = 1 / config.temperature
    var total = 0.0
    for i in 0..<V {
        let p = exp(Double(logits[i] - m) * invT)
        probs[i] = p
        total += p
    }
    if config.topK > 1 && config.topK < V {
        var sorted = Array(UnsafeBufferPointer(start: probs, count: V))
        sorted.sort(by: >)
        let kth = sorted[config.topK - 1]
        total = 0
        for i in 0..<V {
            if probs[i] < kth { probs[i] = 0 }
            total += probs[i]
        }
    }
    if config.topP < 1 {
        // ascending order; remove the prefix whose cumulative probability is <= 1 - topP (keep the most likely)
        let order = (0..<V).filter { probs[$0] > 0 }.sorted { probs[$0] < probs[$1] || (probs[$0] == probs[$1] && $0 > $1) }
        var cum = 0.0
        for (j, i) in order.enumerated() where j < order.count - 1 {
            cum += probs[i] / total
            if cum <= 1 - config.topP { probs[i] = 0 } else { break }
        }
        total = 0
        for i in 0..<V { total += probs[i] }
    }
    var r = rng.nextDouble() * total
    var pick = best
    for i in 0..<V where probs[i] > 0 {
        r -= probs[i]
        pick = i
        if r < 0 { break }
    }
    return (pick, logits[pick] - lse)
}
