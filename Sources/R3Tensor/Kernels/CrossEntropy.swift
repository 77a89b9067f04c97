extension Kernels {
    /// Per-row cross-entropy of logits [rows, classes] against class indices targets [rows]:
    /// losses[r] = logsumexp(logits[r]) - logits[r, targets[r]], and lse[r] = logsumexp(logits[r]).
    /// Rows whose target equals `ignoreIndex` get loss 0. Every other target must be in 0..<classes.
    /// Returns the number of rows that were not ignored.
    @discardableResult
    public static func crossEntropyForward(losses: UnsafeMutablePointer<Float>, lse: UnsafeMutablePointer<Float>,
                                           logits: UnsafePointer<Float>, targets: UnsafePointer<Int32>,
                                           rows: Int, classes: Int, ignoreIndex: Int32 = -100) -> Int {
        let l = SendablePointer(losses), z = SendablePointer(lse), x = SendablePointer(logits), t = SendablePointer(targets)
        Parallel.forRanges(rows, costPerItem: classes * 2) { range in
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: max(classes, 1))
            defer { scratch.deallocate() }
            for r in range {
                let target = t.p[r]
                if target == ignoreIndex { l.p[r] = 0; z.p[r] = 0; continue }
                let xr = x.p + r * classes
                let s = logSumExp(xr, classes, scratch: scratch)
                z.p[r] = s
                l.p[r] = s - xr[Int(target)]
            }
        }
        var valid = 0
        for r in 0..<rows where targets[r] != ignoreIndex { valid += 1 }
        return valid
    }

    /// dlogits[r, j] = dlosses[r] * (softmax(logits[r])[j] - [j == targets[r]]) from the forward's
    /// `lse`; ignored rows get zeros. (For a mean loss pass dlosses[r] = dloss / validRows.)
    public static func crossEntropyBackward(_ dlogits: UnsafeMutablePointer<Float>, dlosses: UnsafePointer<Float>,
                                            logits: UnsafePointer<Float>, lse: UnsafePointer<Float>, targets: UnsafePointer<Int32>,
                                            rows: Int, classes: Int, ignoreIndex: Int32 = -100) {
        let d = SendablePointer(dlogits), g = SendablePointer(dlosses), x = SendablePointer(logits)
        let z = SendablePointer(lse), t = SendablePointer(targets)
        Parallel.forRanges(rows, costPerItem: classes * 2) { range in
            for r in range {
                let dr = d.p + r * classes, xr = x.p + r * classes
                let target = t.p[r]
                if target == ignoreIndex { dr.initialize(repeating: 0, count: classes); continue }
                let s = z.p[r], scale = g.p[r]
                for j in 0..<classes { dr[j] = FastMath.exp(xr[j] - s) * scale }
                dr[Int(target)] -= scale
            }
        }
    }
}
