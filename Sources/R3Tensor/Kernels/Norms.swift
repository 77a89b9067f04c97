import Foundation

extension Kernels {
    // MARK: LayerNorm (llm.c layernorm_forward / layernorm_backward)

    /// For each row r < rows of inp [rows, cols]:
    /// mean[r] = mean(inp[r]); rstd[r] = 1 / sqrt(var(inp[r]) + eps) (biased variance);
    /// out[r, j] = (inp[r, j] - mean[r]) * rstd[r] * weight[j] + bias[j]
    /// (weight and bias [cols] are optional: nil means 1 and 0).
    public static func layerNormForward(_ out: UnsafeMutablePointer<Float>, mean: UnsafeMutablePointer<Float>, rstd: UnsafeMutablePointer<Float>,
                                        _ inp: UnsafePointer<Float>, weight: UnsafePointer<Float>?, bias: UnsafePointer<Float>?,
                                        rows: Int, cols: Int, eps: Float) {
        let o = SendablePointer(out), mu = SendablePointer(mean), rs = SendablePointer(rstd), x = SendablePointer(inp)
        let w = weight.map { SendablePointer($0) }, b = bias.map { SendablePointer($0) }
        Parallel.forRanges(rows, costPerItem: cols * 3) { range in
            for r in range {
                let xr = x.p + r * cols, orow = o.p + r * cols
                let m = RowMath.sum(xr, cols) / Float(cols)
                let v = RowMath.sumSquaredDeviations(xr, cols, from: m) / Float(cols)
                let s = 1 / (v + eps).squareRoot()
                mu.p[r] = m
                rs.p[r] = s
                switch (w, b) {
                case let (w?, b?): for j in 0..<cols { orow[j] = (xr[j] - m) * s * w.p[j] + b.p[j] }
                case let (w?, nil): for j in 0..<cols { orow[j] = (xr[j] - m) * s * w.p[j] }
                case let (nil, b?): for j in 0..<cols { orow[j] = (xr[j] - m) * s + b.p[j] }
                case (nil, nil): for j in 0..<cols { orow[j] = (xr[j] - m) * s }
                }
            }
        }
    }

    /// The LayerNorm gradients from the forward's `mean` and `rstd` ([rows]):
    /// dinp [rows, cols] is written; dweight and dbias [cols] (optional) are *accumulated* (+=),
    /// summing over rows in row order.
    public static func layerNormBackward(_ dinp: UnsafeMutablePointer<Float>, dweight: UnsafeMutablePointer<Float>?, dbias: UnsafeMutablePointer<Float>?,
                                         dout: UnsafePointer<Float>, inp: UnsafePointer<Float>, weight: UnsafePointer<Float>?,
                                         mean: UnsafePointer<Float>, rstd: UnsafePointer<Float>, rows: Int, cols: Int) {
        let d = SendablePointer(dinp), g = SendablePointer(dout), x = SendablePointer(inp)
        let mu = SendablePointer(mean), rs = SendablePointer(rstd), w = weight.map { SendablePointer($0) }
        Parallel.forRanges(rows, costPerItem: cols * 4) { range in
            let dnorm = UnsafeMutablePointer<Float>.allocate(capacity: max(cols, 1))
            let norm = UnsafeMutablePointer<Float>.allocate(capacity: max(cols, 1))
            defer { dnorm.deallocate(); norm.deallocate() }
            for r in range {
                let xr = x.p + r * cols, gr = g.p + r * cols, dr = d.p + r * cols
                let m = mu.p[r], s = rs.p[r]
                for j in 0..<cols { norm[j] = (xr[j] - m) * s }
                if let w { for j in 0..<cols { dnorm[j] = gr[j] * w.p[j] } } else { dnorm.update(from: gr, count: cols) }
                let meanD = RowMath.sum(dnorm, cols) / Float(cols)
                let meanDN = RowMath.dot(dnorm, norm, cols) / Float(cols)
                for j in 0..<cols { dr[j] = (dnorm[j] - meanD - norm[j] * meanDN) * s }
            }
        }
        if dweight != nil || dbias != nil {
            let dw = dweight.map { SendablePointer($0) }, db = dbias.map { SendablePointer($0) }
            columnSums(cols: cols, rows: rows) { cr in
                for r in 0..<rows {
                    let xr = x.p + r * cols, gr = g.p + r * cols
                    let m = mu.p[r], s = rs.p[r]
                    if let dw { for j in cr { dw.p[j] += gr[j] * (xr[j] - m) * s } }
                    if let db { for j in cr { db.p[j] += gr[j] } }
                }
            }
        }
    }

    // MARK: RMSNorm

    /// For each row r: rstd[r] = 1 / sqrt(mean(inp[r]²) + eps); out[r, j] = inp[r, j] * rstd[r] * weight[j]
    /// (inp, out: [rows, cols]; weight [cols] optional).
    public static func rmsNormForward(_ out: UnsafeMutablePointer<Float>, rstd: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>,
                                      weight: UnsafePointer<Float>?, rows: Int, cols: Int, eps: Float) {
        let o = SendablePointer(out), rs = SendablePointer(rstd), x = SendablePointer(inp), w = weight.map { SendablePointer($0) }
        Parallel.forRanges(rows, costPerItem: cols * 2) { range in
            for r in range {
                let xr = x.p + r * cols, orow = o.p + r * cols
                let s = 1 / (RowMath.dot(xr, xr, cols) / Float(cols) + eps).squareRoot()
                rs.p[r] = s
                if let w { for j in 0..<cols { orow[j] = xr[j] * s * w.p[j] } } else { for j in 0..<cols { orow[j] = xr[j] * s } }
            }
        }
    }

    /// The RMSNorm gradients from the forward's `rstd` [rows]: dinp is written, dweight [cols]
    /// (optional) is *accumulated* over rows in row order.
    public static func rmsNormBackward(_ dinp: UnsafeMutablePointer<Float>, dweight: UnsafeMutablePointer<Float>?,
                                       dout: UnsafePointer<Float>, inp: UnsafePointer<Float>, weight: UnsafePointer<Float>?,
                                       rstd: UnsafePointer<Float>, rows: Int, cols: Int) {
        let d = SendablePointer(dinp), g = SendablePointer(dout), x = SendablePointer(inp)
        let rs = SendablePointer(rstd), w = weight.map { SendablePointer($0) }
        Parallel.forRanges(rows, costPerItem: cols * 3) { range in
            let dnorm = UnsafeMutablePointer<Float>.allocate(capacity: max(cols, 1))
            defer { dnorm.deallocate() }
            for r in range {
                let xr = x.p + r * cols, gr = g.p + r * cols, dr = d.p + r * cols
                let s = rs.p[r]
                if let w { for j in 0..<cols { dnorm[j] = gr[j] * w.p[j] } } else { dnorm.update(from: gr, count: cols) }
                // d/dx of x*s: s * (dnorm - x * s² * mean(dnorm * x))
                let c = RowMath.dot(dnorm, xr, cols) / Float(cols) * s * s
                for j in 0..<cols { dr[j] = s * (dnorm[j] - xr[j] * c) }
            }
        }
        if let dweight {
            let dw = SendablePointer(dweight)
            columnSums(cols: cols, rows: rows) { cr in
                for r in 0..<rows {
                    let xr = x.p + r * cols, gr = g.p + r * cols, s = rs.p[r]
                    for j in cr { dw.p[j] += gr[j] * xr[j] * s }
                }
            }
        }
    }

    /// Splits `0..<cols` into column blocks handled by different threads; each block walks all rows
    /// in order, so column sums are the same bits for any thread count.
    static func columnSums(cols: Int, rows: Int, _ body: (Range<Int>) -> Void) {
        let threads = TensorThreads.count
        if threads == 1 || rows * cols < Parallel.minParallelWork || cols < 64 {
            body(0..<cols)
            return
        }
        let blocks = min(threads, cols / 16)
        withoutActuallyEscaping(body) { body in
            let body = UncheckedSendable(value: body)
            DispatchQueue.concurrentPerform(iterations: blocks) { b in
                // Block edges on multiples of 16 floats (64 bytes) so threads never share a cache line.
                let lo = (cols * b / blocks) & ~15, hi = b == blocks - 1 ? cols : (cols * (b + 1) / blocks) & ~15
                if lo < hi { body.value(lo..<hi) }
            }
        }
    }
}
