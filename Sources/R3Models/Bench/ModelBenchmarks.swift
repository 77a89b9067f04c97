import Foundation
import R3Random

/// The benchmarks behind `r3 bench train` and `r3 bench sample`, on exactly the configs of the
/// PyTorch peer (/work/shared/bench/torch_llama.py): Llama, float32, tied embeddings, as many kv
/// heads as heads, random tokens. Each returns printable lines.
public enum ModelBenchmarks {
    /// One benchmark configuration (the peer's CONFIGS).
    public struct Size: Sendable {
        public let vocab: Int, context: Int, layers: Int, dim: Int, heads: Int, ffn: Int, batch: Int
    }

    public static let sizes: [String: Size] = [
        "tiny": Size(vocab: 96, context: 128, layers: 4, dim: 128, heads: 4, ffn: 352, batch: 32),
        "small": Size(vocab: 256, context: 256, layers: 6, dim: 256, heads: 8, ffn: 704, batch: 16),
        "medium": Size(vocab: 4096, context: 256, layers: 8, dim: 512, heads: 8, ffn: 1408, batch: 8),
    ]

    /// A model of `size` with a character tokenizer of exactly `vocab` tokens.
    public static func model(_ name: String) throws -> (LanguageModel, Size) {
        guard let s = sizes[name] else {
            throw ModelError("unknown benchmark config '\(name)' (known: \(sizes.keys.sorted().joined(separator: ", ")))")
        }
        let alphabet = String(String.UnicodeScalarView((0..<(s.vocab - 1)).map { Unicode.Scalar(UInt32(0x4E00 + $0))! }))
        let tok = try Tokenizer.chars(alphabet)
        let cfg = ModelConfig(family: .llama, vocabSize: s.vocab, hiddenSize: s.dim, intermediateSize: s.ffn, numLayers: s.layers,
                              numHeads: s.heads, numKVHeads: s.heads, maxPositions: s.context, tieWordEmbeddings: true)
        return (try LanguageModel(config: cfg, tokenizer: tok, seed: 0), s)
    }

    /// The peer's FLOPs per trained token: 6 N_nonembed + 6 d V + 12 L T d.
    public static func flopsPerToken(_ m: LanguageModel, _ s: Size) -> Double {
        let nonEmbed = m.parameterCount - s.vocab * s.dim
        return Double(6 * nonEmbed + 6 * s.dim * s.vocab + 12 * s.layers * s.context * s.dim)
    }

    /// Median time of full training steps (forward, next-token cross-entropy, backward, AdamW) on
    /// a [batch, context] batch of random tokens: `train config=... tok_per_s=... gflops=...`.
    public static func train(config name: String, steps: Int = 10, warmup: Int = 3) throws -> [String] {
        let (model, s) = try model(name)
        var rng = RandomGenerator(seed: 1)
        let rows = (0..<s.batch).map { _ in (0..<s.context).map { _ in rng.nextInt(below: s.vocab) } }
        let batch = try TokenBatch(sequences: rows)
        let targets = batch.nextTokenTargets
        let n = Float(targets.filter { $0 >= 0 }.count)
        let dlogp = targets.map { $0 >= 0 ? -1 / n : 0 }
        let opt = AdamW(model: model, config: OptimizerConfig(learningRate: 1e-3, maxGradNorm: nil))
        var times: [Double] = []
        for i in 0..<(warmup + steps) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = try model.forwardForTraining(batch, targets: targets)
            model.zeroGradients()
            try model.backward(dLogprobs: dlogp)
            opt.update(model, learningRate: 1e-3)
            if i >= warmup { times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9) }
        }
        let t = median(times), tokens = Double(s.batch * s.context)
        let gflops = flopsPerToken(model, s) * tokens / t / 1e9
        return [String(format: "train config=%@ params=%d threads=%d ms/step=%.1f tok_per_s=%.0f gflops=%.1f",
                       name, model.parameterCount, ModelThreads.count, t * 1e3, tokens / t, gflops)]
    }

    /// Median time of batched generation with the KV cache: `batch` random 16-token prompts, 64 new
    /// tokens each, temperature 1 with no filtering: `sample config=... batch=... tok_per_s=...`.
    public static func sample(config name: String, batch: Int, promptLength: Int = 16, newTokens: Int = 64, reps: Int = 3) throws -> [String] {
        let (model, s) = try model(name)
        var rng = RandomGenerator(seed: 2)
        let prompts = (0..<batch).map { _ in (0..<promptLength).map { _ in rng.nextInt(below: s.vocab) } }
        let config = SamplingConfig(maxNewTokens: newTokens, temperature: 1, stopAtEOS: false, seed: 3)
        var times: [Double] = []
        for i in 0..<(reps + 1) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = try R3Models.sample(model, promptTokens: prompts, config: config)
            if i > 0 { times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9) }
        }
        let t = median(times)
        return [String(format: "sample config=%@ batch=%d new=%d threads=%d tok_per_s=%.0f", name, batch, newTokens,
                       ModelThreads.count, Double(batch * newTokens) / t)]
    }

    /// The median of timings (0 for none); the benchmarks report it, not the mean, on a noisy machine.
    public static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}
