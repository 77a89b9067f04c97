import Foundation

/// The architecture of a Llama-family model (Llama, Qwen2), nanoGPT `GPTConfig` style:
/// every field has a documented default, `validate()` checks the combination.
///
/// The defaults make a small from-scratch model (4 layers, dim 128, 4 heads: ~0.8 M parameters plus
/// the embedding). Models loaded from Hugging Face folders take every field from `config.json`.
public struct ModelConfig: Equatable, Sendable {
    /// The Hugging Face architecture family, written as `model_type` in config.json.
    public enum Family: String, Sendable { case llama, qwen2 }

    /// Rotary embedding frequency scaling (`rope_scaling` / `rope_parameters` in config.json).
    public enum RopeScaling: Equatable, Sendable {
        /// Plain RoPE: inv_freq[i] = 1 / theta^(2i / headDim).
        case none
        /// Llama-3.1's scaling (`rope_type: "llama3"`).
        case llama3(factor: Double, lowFreqFactor: Double, highFreqFactor: Double, originalMaxPositions: Int)
    }

    /// Architecture family (default `.llama`). `.qwen2` implies q/k/v biases.
    public var family: Family
    /// Number of token ids (default 256).
    public var vocabSize: Int
    /// Width of the residual stream, `hidden_size` (default 128).
    public var hiddenSize: Int
    /// Width of the SwiGLU MLP, `intermediate_size` (default: 11/4 x hiddenSize rounded up to a multiple of 32).
    public var intermediateSize: Int
    /// Transformer blocks, `num_hidden_layers` (default 4).
    public var numLayers: Int
    /// Query heads, `num_attention_heads` (default 4).
    public var numHeads: Int
    /// Key/value heads for grouped-query attention, `num_key_value_heads` (default: numHeads).
    public var numKVHeads: Int
    /// Width of one head, `head_dim` (default hiddenSize / numHeads).
    public var headDim: Int
    /// Context length, `max_position_embeddings` (default 256).
    public var maxPositions: Int
    /// RoPE base, `rope_theta` (default 10000).
    public var ropeTheta: Double
    /// RoPE frequency scaling (default `.none`).
    public var ropeScaling: RopeScaling
    /// RMSNorm epsilon, `rms_norm_eps` (default 1e-5).
    public var rmsNormEps: Double
    /// Whether the output head shares the token embedding, `tie_word_embeddings` (default true).
    public var tieWordEmbeddings: Bool
    /// Whether q/k/v projections have biases (`attention_bias`; always true for Qwen2; default false).
    public var attentionBias: Bool
    /// Standard deviation of the random initialisation of weight matrices (default 0.02, as HF).
    public var initializerRange: Double
    /// Token ids recorded in config.json (optional).
    public var bosTokenId: Int?
    public var eosTokenIds: [Int]
    public var padTokenId: Int?

    public init(family: Family = .llama, vocabSize: Int = 256, hiddenSize: Int = 128, intermediateSize: Int? = nil,
                numLayers: Int = 4, numHeads: Int = 4, numKVHeads: Int? = nil, headDim: Int? = nil,
                maxPositions: Int = 256, ropeTheta: Double = 10000, ropeScaling: RopeScaling = .none,
                rmsNormEps: Double = 1e-5, tieWordEmbeddings: Bool = true, attentionBias: Bool? = nil,
                initializerRange: Double = 0.02, bosTokenId: Int? = nil, eosTokenIds: [Int] = [], padTokenId: Int? = nil) {
        self.family = family
        self.vocabSize = vocabSize
        self.hiddenSize = hiddenSize
        self.intermediateSize = intermediateSize ?? ((11 * hiddenSize / 4 + 31) / 32 * 32)
        self.numLayers = numLayers
        self.numHeads = numHeads
        self.numKVHeads = numKVHeads ?? numHeads
        self.headDim = headDim ?? (numHeads > 0 ? hiddenSize / numHeads : 0)
        self.maxPositions = maxPositions
        self.ropeTheta = ropeTheta
        self.ropeScaling = ropeScaling
        self.rmsNormEps = rmsNormEps
        self.tieWordEmbeddings = tieWordEmbeddings
        self.attentionBias = attentionBias ?? (family == .qwen2)
        self.initializerRange = initializerRange
        self.bosTokenId = bosTokenId
        self.eosTokenIds = eosTokenIds
        self.padTokenId = padTokenId
    }

    /// Checks the combination; the error names the offending key (config.json names) and values.
    public func validate(source: String = "model config") throws {
        func positive(_ v: Int, _ key: String) throws {
            guard v > 0 else { throw ModelError("\(source): \(key) must be positive, got \(v)") }
        }
        try positive(vocabSize, "vocab_size")
        try positive(hiddenSize, "hidden_size")
        try positive(intermediateSize, "intermediate_size")
        try positive(numLayers, "num_hidden_layers")
        try positive(numHeads, "num_attention_heads")
        try positive(numKVHeads, "num_key_value_heads")
        try positive(headDim, "head_dim")
        try positive(maxPositions, "max_position_embeddings")
        // A head width derived from hidden_size needs an exact division (an explicit head_dim may differ).
        guard hiddenSize % numHeads == 0 || headDim != hiddenSize / numHeads else {
            throw ModelError("\(source): hidden_size (\(hiddenSize)) is not divisible by num_attention_heads (\(numHeads))")
        }
        guard headDim % 2 == 0 else { throw ModelError("\(source): head_dim (\(headDim)) must be even for rotary embeddings") }
        guard numHeads % numKVHeads == 0 else {
            throw ModelError("\(source): num_attention_heads (\(numHeads)) is not divisible by num_key_value_heads (\(numKVHeads))")
        }
        guard ropeTheta > 0 else { throw ModelError("\(source): rope_theta must be positive, got \(ropeTheta)") }
        guard rmsNormEps > 0 else { throw ModelError("\(source): rms_norm_eps must be positive, got \(rmsNormEps)") }
        for (key, id) in [("bos_token_id", bosTokenId), ("pad_token_id", padTokenId)] + eosTokenIds.map({ ("eos_token_id", $0) }) {
            if let id, id < 0 || id >= vocabSize {
                throw ModelError("\(source): \(key) (\(id)) is outside the vocabulary (vocab_size \(vocabSize))")
            }
        }
    }

    /// Total number of parameters.
    public var parameterCount: Int { ParameterLayout(self).total }
}

// MARK: - config.json

extension ModelConfig {
    /// Reads a Hugging Face `config.json` (model_type "llama" or "qwen2").
    /// Missing required keys, contradictory values and unsupported features are errors naming the key.
    public init(huggingFaceJSON data: Data, source: String = "config.json") throws {
        let j = try JSONObject(data: data, source: source)
        let type = try j.string("model_type")
        guard let family = Family(rawValue: type) else {
            throw ModelError("\(source): unsupported model_type '\(type)' (supported: llama, qwen2)")
        }
        if let act = try j.optionalString("hidden_act"), act != "silu" {
            throw ModelError("\(source): unsupported hidden_act '\(act)' (only silu, the SwiGLU MLP, is supported)")
        }
        if try j.bool("mlp_bias", default: false) { throw ModelError("\(source): mlp_bias = true is not supported") }
        if family == .qwen2, try j.bool("use_sliding_window", default: false) {
            throw ModelError("\(source): use_sliding_window = true is not supported")
        }
        let heads = try j.int("num_attention_heads")
        let hidden = try j.int("hidden_size")
        var theta = try j.double("rope_theta", default: 10000)
        var scaling = RopeScaling.none
        // transformers 5 nests rope_theta and the scaling in rope_parameters; older files use rope_scaling.
        for key in ["rope_parameters", "rope_scaling"] {
            guard let r = try j.object(key) else { continue }
            if r.has("rope_theta") { theta = try r.double("rope_theta") }
            let kind = try r.optionalString("rope_type") ?? r.optionalString("type") ?? "default"
            switch kind {
            case "default": break
            case "llama3":
                scaling = .llama3(factor: try r.double("factor"), lowFreqFactor: try r.double("low_freq_factor"),
                                  highFreqFactor: try r.double("high_freq_factor"),
                                  originalMaxPositions: try r.int("original_max_position_embeddings"))
            default:
                throw ModelError("\(source): unsupported rope scaling type '\(kind)' in \(key) (supported: default, llama3)")
            }
        }
        var eos: [Int] = []
        if let e = j.dict["eos_token_id"], !(e is NSNull) {
            if let a = e as? [Any] { eos = a.compactMap(JSONObject.asInt) } else if let i = JSONObject.asInt(e) { eos = [i] } else {
                throw ModelError("\(source): \"eos_token_id\" must be an integer or a list of integers")
            }
        }
        self.init(family: family, vocabSize: try j.int("vocab_size"), hiddenSize: hidden,
                  intermediateSize: try j.int("intermediate_size"), numLayers: try j.int("num_hidden_layers"),
                  numHeads: heads, numKVHeads: try j.int("num_key_value_heads", default: heads),
                  headDim: try j.optionalInt("head_dim") ?? (heads > 0 ? hidden / heads : 0),
                  maxPositions: try j.int("max_position_embeddings", default: 2048), ropeTheta: theta, ropeScaling: scaling,
                  rmsNormEps: try j.double("rms_norm_eps", default: 1e-6),
                  tieWordEmbeddings: try j.bool("tie_word_embeddings", default: false),
                  attentionBias: family == .qwen2 ? true : try j.bool("attention_bias", default: false),
                  initializerRange: try j.double("initializer_range", default: 0.02),
                  bosTokenId: try j.optionalInt("bos_token_id"), eosTokenIds: eos, padTokenId: try j.optionalInt("pad_token_id"))
        if j.has("head_dim") == false, hidden % max(heads, 1) != 0 {
            throw ModelError("\(source): hidden_size (\(hidden)) is not divisible by num_attention_heads (\(heads))")
        }
        try validate(source: source)
        if family == .qwen2, !attentionBias { throw ModelError("\(source): qwen2 requires q/k/v biases") }
    }

    /// The config.json that transformers (4.x and 5.x) reads back as this architecture.
    public func huggingFaceJSON() -> [String: Any] {
        var j: [String: Any] = [
            "architectures": [family == .llama ? "LlamaForCausalLM" : "Qwen2ForCausalLM"],
            "model_type": family.rawValue,
            "vocab_size": vocabSize, "hidden_size": hiddenSize, "intermediate_size": intermediateSize,
            "num_hidden_layers": numLayers, "num_attention_heads": numHeads, "num_key_value_heads": numKVHeads,
            "head_dim": headDim, "max_position_embeddings": maxPositions, "rms_norm_eps": rmsNormEps,
            "rope_theta": ropeTheta, "tie_word_embeddings": tieWordEmbeddings, "hidden_act": "silu",
            "initializer_range": initializerRange, "torch_dtype": "float32", "dtype": "float32",
            "use_cache": true, "attention_dropout": 0.0,
        ]
        var rope: [String: Any] = ["rope_type": "default", "rope_theta": ropeTheta]
        if case let .llama3(factor, low, high, original) = ropeScaling {
            let s: [String: Any] = ["rope_type": "llama3", "factor": factor, "low_freq_factor": low,
                                    "high_freq_factor": high, "original_max_position_embeddings": original]
            j["rope_scaling"] = s
            rope.merge(s) { $1 }
        }
        j["rope_parameters"] = rope
        if family == .llama { j["attention_bias"] = attentionBias; j["mlp_bias"] = false }
        if family == .qwen2 { j["use_sliding_window"] = false; j["sliding_window"] = NSNull(); j["max_window_layers"] = numLayers }
        j["bos_token_id"] = bosTokenId.map { $0 as Any } ?? NSNull()
        j["pad_token_id"] = padTokenId.map { $0 as Any } ?? NSNull()
        j["eos_token_id"] = eosTokenIds.isEmpty ? NSNull() : (eosTokenIds.count == 1 ? eosTokenIds[0] as Any : eosTokenIds as Any)
        return j
    }
}
