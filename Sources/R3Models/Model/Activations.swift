/// The activation arena of one forward pass over a [B, T] batch: one aligned buffer carved into
/// the tensors below. With `keep` (training) every layer has its own slots and the attention
/// weights are stored; without it (inference) all layers share one slot per tensor.
final class Activations {
    let B: Int, T: Int, keep: Bool
    let lmRows: Int
    private let arena: FloatBuffer
    private let sizes: Sizes
    private let offsets: [String: Int]
    /// Per-layer stride (0 when not keeping).
    private let layerStride: [String: Int]

    var tokens: [Int32] = [], segments: [Int32] = [], positions: [Int32] = [], targets: [Int32] = []
    /// The key columns each attention block multiplies (from `segments`).
    var spans = KeySpans(segments: [], B: 0, T: 0)
    /// Whether `logits` still holds the forward's logits (a single lm chunk).
    var logitsRetained = false

    struct Sizes {
        let N: Int, D: Int, QKV: Int, Q: Int, F: Int, V: Int, H: Int, L: Int
    }

    /// Largest logits chunk (floats): bigger vocabularies run the output head in row chunks.
    static let maxLogitFloats = 1 << 24

    var capacity: Int { arena.count }

    /// Carves the arena for a [B, T] batch, reusing `previous`'s buffer when it is large enough.
    init(config c: ModelConfig, B: Int, T: Int, keep: Bool, reusing previous: Activations? = nil) {
        self.B = B
        self.T = T
        self.keep = keep
        let N = B * T
        let s = Sizes(N: N, D: c.hiddenSize, QKV: (c.numHeads + 2 * c.numKVHeads) * c.headDim, Q: c.numHeads * c.headDim,
                      F: c.intermediateSize, V: c.vocabSize, H: c.numHeads, L: c.numLayers)
        sizes = s
        lmRows = max(1, min(N, Self.maxLogitFloats / s.V))
        let workers = ModelThreads.count
        let shape = AttentionShape(B: B, T: T, H: c.numHeads, K: c.numKVHeads, hd: c.headDim)
        var total = 0
        var offsets: [String: Int] = [:], layerStride: [String: Int] = [:]
        func add(_ name: String, _ count: Int, perLayer: Bool = false) {
            let copies = perLayer && keep ? s.L : 1
            offsets[name] = total
            layerStride[name] = perLayer && keep ? count : 0
            total += (count * copies + 15) / 16 * 16
        }
        offsets["res"] = 0
        layerStride["res"] = keep ? N * s.D : 0
        total = ((keep ? s.L + 1 : 1) * N * s.D + 15) / 16 * 16
        add("norm1", N * s.D, perLayer: true)
        add("rstd1", N, perLayer: true)
        add("qkv", N * s.QKV, perLayer: true)
        if keep { add("probs", B * s.H * T * T, perLayer: true) }
        add("att", N * s.Q, perLayer: true)
        add("res2", N * s.D, perLayer: true)
        add("norm2", N * s.D, perLayer: true)
        add("rstd2", N, perLayer: true)
        add("gu", N * 2 * s.F, perLayer: true)
        add("h", N * s.F, perLayer: true)
        add("normF", N * s.D)
        add("rstdF", N)
        add("logits", lmRows * s.V)
        add("lse", N)
        add("logp", N)
        add("entropy", N)
        add("scratch", max(workers * shape.scratchPerWorker, workers * s.D))
        if keep {
            add("dres", N * s.D)
            add("dtmp", N * s.D)
            add("dqkv", N * s.QKV)
            add("datt", N * s.Q)
            add("dgu", N * 2 * s.F)
            add("dh", N * s.F)
        }
        self.offsets = offsets
        self.layerStride = layerStride
        if let previous, previous.keep == keep, previous.arena.count >= total { arena = previous.arena } else { arena = FloatBuffer(count: total) }
    }

    @inline(__always)
    func ptr(_ name: String, layer: Int = 0) -> UnsafeMutablePointer<Float> {
        arena.pointer + offsets[name]! + layer * layerStride[name]!
    }

    func res(_ l: Int) -> UnsafeMutablePointer<Float> { ptr("res", layer: l) }
    /// Whether this arena fits a [B, T] batch of the same kind.
    func fits(B: Int, T: Int, keep: Bool) -> Bool { self.B == B && self.T == T && self.keep == keep }
}
