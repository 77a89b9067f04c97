extension Kernels {
    /// out[i, :] = table[ids[i], :] for i < count (table [rows, dim], out [count, dim]).
    /// Every id must be in 0..<rows.
    public static func embeddingForward(_ out: UnsafeMutablePointer<Float>, table: UnsafePointer<Float>, ids: UnsafePointer<Int32>,
                                        count: Int, dim: Int) {
        let o = SendablePointer(out), w = SendablePointer(table), t = SendablePointer(ids)
        Parallel.forRanges(count, costPerItem: dim) { range in
            for i in range { (o.p + i * dim).update(from: w.p + Int(t.p[i]) * dim, count: dim) }
        }
    }

    /// dtable[ids[i], :] += dout[i, :] for i < count: *accumulates* into dtable [rows, dim] (zero it
    /// first for a fresh gradient). Repeated ids add up in index order (deterministic).
    public static func embeddingBackward(_ dtable: UnsafeMutablePointer<Float>, dout: UnsafePointer<Float>, ids: UnsafePointer<Int32>,
                                         count: Int, dim: Int) {
        let d = SendablePointer(dtable), g = SendablePointer(dout), t = SendablePointer(ids)
        columnSums(cols: dim, rows: count) { cr in
            for i in 0..<count {
                let dr = d.p + Int(t.p[i]) * dim, gr = g.p + i * dim
                for j in cr { dr[j] += gr[j] }
            }
        }
    }
}
