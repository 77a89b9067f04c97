import Foundation
import R3Random

/// A Llama-architecture causal language model on the CPU (Llama and Qwen2 checkpoints):
/// token embedding, `numLayers` blocks of RMSNorm -> grouped-query attention with RoPE ->
/// residual -> RMSNorm -> SwiGLU MLP -> residual, a final RMSNorm and the output head (tied or not).
///
/// All parameters live in one flat Float32 buffer (Hugging Face tensor names map to ranges of it);
/// gradients, once `zeroGradients()` has been called, in another of the same layout.
public final class LanguageModel: @unchecked Sendable {
    public let config: ModelConfig
    public var tokenizer: Tokenizer
    let layout: ParameterLayout
    let params: FloatBuffer
    var grads: FloatBuffer?
    let rope: RopeTable
    /// Token ids that end a generation: the tokenizer's eos plus the eos ids of config.json and
    /// generation_config.json.
    public var stopTokenIds: Set<Int> = []
    /// Activations of the last `forwardForTraining` (what `backward` reads).
    var trainingActivations: Activations?
    /// Scratch of the inference paths (no caches kept between calls).
    var inferenceActivations: Activations?

    /// A new model with HF-style random weights: N(0, initializerRange) matrices, unit norms, zero biases.
    /// Every draw comes from `RandomGenerator(seed:)`, so the same seed gives the same weights.
    public convenience init(config: ModelConfig, tokenizer: Tokenizer, seed: UInt64 = 0) throws {
        try config.validate()
        let layout = ParameterLayout(config)
        let p = FloatBuffer(count: layout.total)
        var rng = RandomGenerator(seed: seed)
        for t in layout.tensors {
            let ptr = p.pointer + t.offset
            if t.name.hasSuffix("norm.weight") {
                ptr.update(repeating: 1, count: t.count)
            } else if t.name.hasSuffix(".bias") {
                ptr.update(repeating: 0, count: t.count)
            } else {
                for i in 0..<t.count { ptr[i] = Float(rng.nextNormal() * config.initializerRange) }
            }
        }
        try self.init(config: config, tokenizer: tokenizer, parameters: p)
    }

    init(config: ModelConfig, tokenizer: Tokenizer, parameters: FloatBuffer) throws {
        try config.validate()
        guard tokenizer.vocabSize <= config.vocabSize else {
            throw ModelError("the tokenizer has \(tokenizer.vocabSize) tokens but the model's vocab_size is \(config.vocabSize)")
        }
        self.config = config
        self.tokenizer = tokenizer
        layout = ParameterLayout(config)
        precondition(parameters.count == layout.total)
        params = parameters
        rope = RopeTable(config)
        stopTokenIds = Set(config.eosTokenIds + (tokenizer.eosTokenId.map { [$0] } ?? []))
    }

    /// An independent copy: same config, tokenizer and stop tokens, its own weights (no gradients or
    /// activations). GRPO trains a copy while the original serves as the frozen reference.
    public func copied() throws -> LanguageModel {
        let p = FloatBuffer(count: layout.total)
        p.copy(from: params)
        let copy = try LanguageModel(config: config, tokenizer: tokenizer, parameters: p)
        copy.stopTokenIds = stopTokenIds
        return copy
    }

    /// Overwrites this model's weights with those of the Hugging Face folder at `path` (a checkpoint
    /// of the same architecture).
    /// - Throws: a `ModelError` naming the folder when it cannot be loaded or its shapes differ.
    public func loadWeights(from path: String) throws {
        let saved = try LanguageModel.load(path)
        guard saved.config.vocabSize == config.vocabSize, saved.parameterCount == parameterCount,
              saved.parameterShapes.map(\.shape) == parameterShapes.map(\.shape) else {
            throw ModelError("\(path): the checkpoint's architecture differs from the model being trained")
        }
        params.copy(from: saved.params)
    }

    /// Whether `other` has the same parameter names and shapes (and vocabulary) as this model.
    public func hasSameArchitecture(as other: LanguageModel) -> Bool {
        config.vocabSize == other.config.vocabSize && parameterShapes.map(\.name) == other.parameterShapes.map(\.name)
            && parameterShapes.map(\.shape) == other.parameterShapes.map(\.shape)
    }

    /// Number of parameters (the tied embedding counted once).
    public var parameterCount: Int { layout.total }

    /// The Hugging Face names and shapes of the parameter tensors, in storage order.
    public var parameterShapes: [(name: String, shape: [Int])] { layout.tensors.map { ($0.name, $0.shape) } }

    /// A copy of one parameter tensor by its Hugging Face name.
    public func parameter(_ name: String) -> [Float]? {
        guard let t = layout.tensor(named: name) else { return nil }
        return Array(UnsafeBufferPointer(start: params.pointer + t.offset, count: t.count))
    }

    /// Overwrites one parameter tensor by its Hugging Face name.
    public func setParameter(_ name: String, _ values: [Float]) throws {
        guard let t = layout.tensor(named: name) else { throw ModelError("the model has no parameter named '\(name)'") }
        guard values.count == t.count else { throw ModelError("parameter '\(name)' has \(t.count) values, got \(values.count)") }
        values.withUnsafeBufferPointer { (params.pointer + t.offset).update(from: $0.baseAddress!, count: t.count) }
    }

    /// A copy of one parameter's accumulated gradient (nil before any backward).
    public func gradient(_ name: String) -> [Float]? {
        guard let g = grads, let t = layout.tensor(named: name) else { return nil }
        return Array(UnsafeBufferPointer(start: g.pointer + t.offset, count: t.count))
    }

    /// Sets all gradients to zero (allocating them on first use).
    public func zeroGradients() {
        if let g = grads { g.zero() } else { grads = FloatBuffer(count: layout.total) }
    }

    /// A human-readable summary: family, sizes, parameter counts.
    public var summary: String {
        let c = config
        let embed = c.vocabSize * c.hiddenSize
        func fmt(_ n: Int) -> String {
            n >= 1_000_000 ? String(format: "%.2fM", Double(n) / 1e6) : n >= 1000 ? String(format: "%.1fK", Double(n) / 1e3) : "\(n)"
        }
        var lines = [
            "\(c.family == .llama ? "Llama" : "Qwen2") model: \(fmt(parameterCount)) parameters (\(fmt(parameterCount - embed - (c.tieWordEmbeddings ? 0 : embed))) without embeddings)",
            "  layers \(c.numLayers), dim \(c.hiddenSize), heads \(c.numHeads) (kv \(c.numKVHeads), head dim \(c.headDim)), mlp \(c.intermediateSize)",
            "  vocab \(c.vocabSize), context \(c.maxPositions), rope theta \(c.ropeTheta), norm eps \(c.rmsNormEps)",
            "  embeddings \(c.tieWordEmbeddings ? "tied" : "untied"), q/k/v bias \(c.attentionBias ? "yes" : "no")",
        ]
        lines.append("  tokenizer: \(tokenizer.alphabet != nil ? "characters" : "byte-level BPE"), \(tokenizer.vocabSize) tokens")
        return lines.joined(separator: "\n")
    }
}
