/// A padded batch of token sequences: B rows of T positions, flat row-major.
///
/// `segments` says which positions attend to which: 0 is padding (ignored), and a position attends
/// to earlier positions of the same row with the same segment id (several ids in a row = packed
/// examples that do not see each other). `positions` (the RoPE positions) count the earlier tokens
/// of the same segment, so left padding and packing leave each sequence's numbers unchanged.
///
/// Shared prefixes: a row may hold one prefix followed by several branches that continue it
/// (`init(prefixes:)`). Each branch sees the prefix and itself, not the other branches, and its
/// positions continue the prefix's, so every branch computes exactly what prefix + branch would
/// as a row of its own, while the prefix is computed once. A branch's segment id carries its
/// parent's: `branchSegment(parent, k)`; `parentSegment` reads it back.
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

    /// Rows of equal length with explicit segment ids (0 = padding, at most 65535), e.g. packed examples.
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
                guard s >= 0 && s <= 0xFFFF else { throw ModelError("segment id \(s) is outside 0...65535") }
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

    /// One row per (prefix, branches): the prefix tokens, then each branch in turn, right-padded
    /// with `padToken` to the longest row. Branch positions continue from the prefix's length.
    /// A branch's first token is predicted from the prefix's last token, which only one position
    /// can do: give each branch the prefix's last token as its own first token (and leave it out of
    /// the prefix), as GRPO's packing does.
    public init(prefixes rows: [(prefix: [Int], branches: [[Int]])], padToken: Int = 0) throws {
        guard !rows.isEmpty else { throw ModelError("a batch needs at least one row") }
        let T = rows.map { $0.prefix.count + $0.branches.reduce(0) { $0 + $1.count } }.max()!
        guard T > 0 else { throw ModelError("a batch needs at least one token") }
        var tok: [Int32] = [], seg: [Int32] = [], pos: [Int32] = []
        tok.reserveCapacity(rows.count * T)
        for (i, row) in rows.enumerated() {
            guard row.branches.count < Int(Int16.max) else { throw ModelError("row \(i) has too many branches (\(row.branches.count))") }
            var n = 0
            func append(_ t: Int, _ s: Int32, _ p: Int) throws {
                guard t >= 0 && t <= Int(Int32.max) else { throw ModelError("token id \(t) is negative or too large") }
                tok.append(Int32(t)); seg.append(s); pos.append(Int32(p)); n += 1
            }
            for (p, t) in row.prefix.enumerated() { try append(t, 1, p) }
            for (k, branch) in row.branches.enumerated() {
                let s = row.prefix.isEmpty ? Int32(k + 1) : Self.branchSegment(1, k + 1)
                for (p, t) in branch.enumerated() { try append(t, s, row.prefix.count + p) }
            }
            for _ in n..<T { tok.append(Int32(padToken)); seg.append(0); pos.append(0) }
        }
        batchSize = rows.count
        length = T
        tokens = tok
        segments = seg
        positions = pos
    }

    /// The segment id of branch `k` (1...32766) under the prefix segment `parent` (1...65535).
    public static func branchSegment(_ parent: Int32, _ k: Int) -> Int32 { parent | Int32(k) << 16 }

    /// The segment a segment's tokens may also see: a branch's prefix, or the segment itself.
    @inline(__always)
    public static func parentSegment(_ segment: Int32) -> Int32 { segment >> 16 == 0 ? segment : segment & 0xFFFF }

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
