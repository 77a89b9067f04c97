/// The key columns each block of query rows can see, as a few contiguous spans.
///
/// Rows of a `TokenBatch` are split into blocks of `AttentionShape.blockRows` query rows. A key s
/// is in a block's spans when s < the block's end, it is not padding, and its segment is the
/// segment of some row in the block or that segment's parent. A plain causal row gives one span
/// (after any left padding); a packed GRPO group gives the shared context plus the branches that
/// meet the block, so the keys of the other branches are never multiplied.
struct KeySpans {
    let blocks: Int
    /// [B * blocks + 1] offsets into `ranges`.
    private let offsets: [Int]
    /// The spans of every (sequence, block), in order; none is empty.
    private let ranges: [Range<Int>]

    /// Spans of a [B, T] batch with segment ids `segments` ([B * T], 0 = padding).
    init(segments: [Int32], B: Int, T: Int) {
        let blocks = (T + AttentionShape.blockRows - 1) / AttentionShape.blockRows
        var offsets = [0], ranges: [Range<Int>] = []
        var seen: [Int32] = []
        for b in 0..<B {
            for k in 0..<blocks {
                let t0 = k * AttentionShape.blockRows, t1 = min(T, t0 + AttentionShape.blockRows)
                seen.removeAll(keepingCapacity: true)
                for t in t0..<t1 where segments[b * T + t] != 0 {
                    let s = segments[b * T + t], p = TokenBatch.parentSegment(s)
                    if !seen.contains(s) { seen.append(s) }
                    if !seen.contains(p) { seen.append(p) }
                }
                var open: Int? = nil
                for s in 0..<t1 {
                    let v = segments[b * T + s]
                    let visible = v != 0 && seen.contains(v)
                    if visible, open == nil { open = s }
                    if !visible, let lo = open {
                        ranges.append(lo..<s)
                        open = nil
                    }
                }
                if let lo = open { ranges.append(lo..<t1) }
                offsets.append(ranges.count)
            }
        }
        self.blocks = blocks
        self.offsets = offsets
        self.ranges = ranges
    }

    /// The spans of block `block` of sequence `b`, in increasing order.
    @inline(__always)
    func spans(_ b: Int, _ block: Int) -> ArraySlice<Range<Int>> {
        let i = b * blocks + block
        return ranges[offsets[i]..<offsets[i + 1]]
    }
}
