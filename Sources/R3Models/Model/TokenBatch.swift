/// A padded batch of token sequences: B rows of T positions, flat row-major.
///
/// `segments` says which positions attend to which: 0 is padding (ignored), and a position attends
/// to earlier positions of the same row with the same segment id (several ids in a row = packed
/// examples that do not see each other). `positions` (the RoPE positions) count the earlier tokens
/// of the same segment, so left padding and packing leave each sequence's numbers unchanged.
public struct TokenBatch: Sendable, Equatable {
    public let batchSize: Int
    public let length: Int
    /// [B * T] token ids (padding positions hold the pad token).
    public let tokens: [Int32]
    /// [B * T] segment ids; 0 = padding.
    public let segments: [Int32]
    /// [B * T] RoPE positions.
    public let positions: [Int32]

    /// Which side of a shorter sequence the padding goes.
    public enum Padding: Sendable { case left, right }

    /// Pads `sequences` to the longest (or to `length`) with `padToken`; every real token is segment 1.
    public init(sequences: [[Int]], padding: Padding = .right, padToken: Int = 0, length: Int? = nil) throws {
        guard !sequences.isEmpty else { throw ModelError("a batch needs at least one sequence") }
        let T = length ?? sequences.map(\.count).max()!
        guard T > 0 else { throw ModelError("a batch needs at least one token") }
        var tokens: [[Int]] = [], segs: [[Int]] = []
        for (i, s) in sequences.enumerated() {
            guard s.count <= T else { throw ModelError("sequence \(i) has \(s.count) tokens, more than the batch length \(T)") }
            let pad = [Int](repeating: padToken, count: T - s.count), zero = [Int](repeating: 0, count: T - s.count)
            let one = [Int](repeating: 1, count: s.count)
            tokens.append(padding == .left ? pad + s : s + pad)
            segs.append(padding == .left ? zero + one : one + zero)
        }
        try self.init(tokens: tokens, segments: segs)
    }

    /// Rows of equal length with a Hugging Face attention mask (1 = token, 0 = padding).
    public init(tokens: [[Int]], attentionMask: [[Int]]) throws {
        guard attentionMask.count == tokens.count, zip(tokens, attentionMask).allSatisfy({ $0.count == $1.count }) else {
            throw ModelError("the attention mask's shape does not match the tokens' shape")
        }
        try self.init(tokens: tokens, segments: attentionMask.map { $0.map { $0 != 0 ? 1 : 0 } })
    }

    /// Rows of equal length with explicit segment ids (0 = padding), e.g. packed examples.
    public init(tokens: [[Int]], segments: [[Int]]) throws {
        guard let T = tokens.first?.count, T > 0 else { throw ModelError("a batch needs at least one token") }
        guard tokens.allSatisfy({ $0.count == T }), segments.count == tokens.count,
              segments.allSatisfy({ $0.count == T }) else {
            throw ModelError("batch rows must all have the same length, and segments the tokens' shape")
        }
        batchSize = tokens.count
        length = T
        var tok: [Int32] = [], seg: [Int32] = [], pos: [Int32] = []
        tok.reserveCapacity(batchSize * T)
        for (row, srow) in zip(tokens, segments) {
            var seen: [Int: Int32] = [:]
            for (t, s) in zip(row, srow) {
                guard t >= 0 && t <= Int(Int32.max) else { throw ModelError("token id \(t) is negative or too large") }
                tok.append(Int32(t))
                seg.append(Int32(truncatingIfNeeded: s))
                let p = seen[s, default: 0]
                pos.append(s == 0 ? 0 : p)
                if s != 0 { seen[s] = p + 1 }
            }
        }
        self.tokens = tok
        self.segments = seg
        self.positions = pos
    }

    /// Targets for next-token log-probabilities: target[t] = tokens[t + 1] where both positions are
    /// in the same segment, else -1 (no log-prob).
    public var nextTokenTargets: [Int32] {
        var out = [Int32](repeating: -1, count: tokens.count)
        for b in 0..<batchSize {
            for t in 0..<(length - 1) {
                let i = b * length + t
                if segments[i] != 0 && segments[i + 1] == segments[i] { out[i] = tokens[i + 1] }
            }
        }
        return out
    }
}
