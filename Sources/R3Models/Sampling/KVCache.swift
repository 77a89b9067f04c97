/// Keys and values of every layer for B sequences, filled slot by slot in lockstep (prompts are
/// left-padded; `valid` marks real tokens). Keys are stored transposed, [L][B][K][hd][capacity],
/// so a decoding query scores 8 consecutive slots per vector operation; values are [L][B][K][capacity][hd].
final class KVCache {
    let B: Int, capacity: Int, K: Int, hd: Int, L: Int
    let keys: FloatBuffer
    let values: FloatBuffer
    /// [B * capacity] 1 where the slot holds a real token.
    var valid: [UInt8]
    /// [B] the RoPE position of each sequence's next token.
    var nextPosition: [Int32]
    /// Slots filled so far.
    var length = 0

    init(config c: ModelConfig, B: Int, capacity: Int) {
        self.B = B
        self.capacity = capacity
        K = c.numKVHeads
        hd = c.headDim
        L = c.numLayers
        keys = FloatBuffer(count: L * B * K * capacity * hd)
        values = FloatBuffer(count: L * B * K * capacity * hd)
        valid = [UInt8](repeating: 0, count: B * capacity)
        nextPosition = [Int32](repeating: 0, count: B)
    }

    /// Makes sequence `to` a copy of sequence `from`: keys, values, valid slots and next position
    /// (a prompt shared by several sequences is run once).
    func copySequence(from: Int, to: Int) {
        for l in 0..<L {
            let src = offset(layer: l, b: from, g: 0), dst = offset(layer: l, b: to, g: 0), n = K * capacity * hd
            (keys.pointer + dst).update(from: keys.pointer + src, count: n)
            (values.pointer + dst).update(from: values.pointer + src, count: n)
        }
        for s in 0..<capacity { valid[to * capacity + s] = valid[from * capacity + s] }
        nextPosition[to] = nextPosition[from]
    }

    /// Start of the [hd, capacity] key block / [capacity, hd] value block of (layer, sequence, kv head).
    @inline(__always)
    func offset(layer: Int, b: Int, g: Int) -> Int { ((layer * B + b) * K + g) * capacity * hd }
}
