/// Where each parameter tensor lives in the model's one flat Float32 buffer (llm.c style).
///
/// Per layer, q/k/v weights are contiguous rows of one `[(H + 2K) * hd, D]` matrix (so one sgemm
/// computes all three projections) and gate/up are contiguous rows of one `[2F, D]` matrix.
/// Gradients and AdamW moments use the same layout.
struct ParameterLayout {
    /// One named tensor, with its Hugging Face name.
    struct Tensor {
        let name: String
        let shape: [Int]
        let offset: Int
        var count: Int { shape.reduce(1, *) }
        /// Weight decay applies to matrices only (not norms or biases).
        var decays: Bool { shape.count == 2 }
    }

    struct Layer {
        /// [D] input RMSNorm weight.
        let norm1: Int
        /// [(H+2K)*hd, D]: q_proj, k_proj, v_proj rows.
        let wqkv: Int
        /// [(H+2K)*hd] biases, or nil.
        let bqkv: Int?
        /// [D, H*hd]
        let wo: Int
        /// [D] post-attention RMSNorm weight.
        let norm2: Int
        /// [2F, D]: gate_proj then up_proj rows.
        let wgu: Int
        /// [D, F]
        let wdown: Int
    }

    let tensors: [Tensor]
    /// [V, D]
    let embedding: Int
    let layers: [Layer]
    /// [D]
    let finalNorm: Int
    /// [V, D]: equal to `embedding` when tied.
    let lmHead: Int
    let total: Int

    init(_ c: ModelConfig) {
        let D = c.hiddenSize, hd = c.headDim, Q = c.numHeads * hd, KV = c.numKVHeads * hd, F = c.intermediateSize
        var tensors: [Tensor] = []
        var offset = 0
        func add(_ name: String, _ shape: [Int]) -> Int {
            let t = Tensor(name: name, shape: shape, offset: offset)
            tensors.append(t)
            offset += t.count
            return t.offset
        }
        embedding = add("model.embed_tokens.weight", [c.vocabSize, D])
        var layers: [Layer] = []
        for l in 0..<c.numLayers {
            let p = "model.layers.\(l)."
            let norm1 = add(p + "input_layernorm.weight", [D])
            let wqkv = add(p + "self_attn.q_proj.weight", [Q, D])
            _ = add(p + "self_attn.k_proj.weight", [KV, D])
            _ = add(p + "self_attn.v_proj.weight", [KV, D])
            var bqkv: Int?
            if c.attentionBias {
                bqkv = add(p + "self_attn.q_proj.bias", [Q])
                _ = add(p + "self_attn.k_proj.bias", [KV])
                _ = add(p + "self_attn.v_proj.bias", [KV])
            }
            let wo = add(p + "self_attn.o_proj.weight", [D, Q])
            let norm2 = add(p + "post_attention_layernorm.weight", [D])
            let wgu = add(p + "mlp.gate_proj.weight", [F, D])
            _ = add(p + "mlp.up_proj.weight", [F, D])
            let wdown = add(p + "mlp.down_proj.weight", [D, F])
            layers.append(Layer(norm1: norm1, wqkv: wqkv, bqkv: bqkv, wo: wo, norm2: norm2, wgu: wgu, wdown: wdown))
        }
        self.layers = layers
        finalNorm = add("model.norm.weight", [D])
        lmHead = c.tieWordEmbeddings ? embedding : add("lm_head.weight", [c.vocabSize, D])
        self.tensors = tensors
        total = offset
    }

    func tensor(named name: String) -> Tensor? { tensors.first { $0.name == name } }
}
