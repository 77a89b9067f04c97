import Foundation

extension Kernels {
    /// out[r, :] = softmax(inp[r, :]) for r < rows (inp, out: [rows, cols]; may be the same buffer).
    public static func softmaxForward(_ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, rows: Int, cols: Int) {
        let o = SendablePointer(out), x = SendablePointer(inp)
        Parallel.forRanges(rows, costPerItem: cols * 4) { range in
            for r in range {
                let xr = x.p + r * cols, orow = o.p + r * cols
                let m = RowMath.max(xr, cols)
                for j in 0..<cols { orow[j] = FastMath.exp(xr[j] - m) }
                let inv = 1 / RowMath.sum(orow, cols)
                for j in 0..<cols { orow[j] *= inv }
            }
        }
    }

    /// dinp[r, j] = out[r, j] * (dout[r, j] - Σ_k dout[r, k] out[r, k]) (out: the softmax; all [rows, cols]).
    public static func softmaxBackward(_ dinp: UnsafeMutablePointer<Float>, _ dout: UnsafePointer<Float>, _ out: UnsafePointer<Float>,
                                       rows: Int, cols: Int) {
        let d = SendablePointer(dinp), g = SendablePointer(dout), y = SendablePointer(out)
        Parallel.forRanges(rows, costPerItem: cols * 2) { range in
            for r in range {
                let gr = g.p + r * cols, yr = y.p + r * cols, dr = d.p + r * cols
                let s = RowMath.dot(gr, yr, cols)
                for j in 0..<cols { dr[j] = yr[j] * (gr[j] - s) }
            }
        }
    }

    /// out[r, j] = inp[r, j] - log Σ_k e^inp[r, k] for r < rows ([rows, cols]; may be the same buffer).
    public static func logSoftmaxForward(_ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, rows: Int, cols: Int) {
        let o = SendablePointer(out), x = SendablePointer(inp)
        Parallel.forRanges(rows, costPerItem: cols * 4) { range in
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: max(cols, 1))
            defer { scratch.deallocate() }
            for r in range {
                let xr = x.p + r * cols, orow = o.p + r * cols
                let lse = logSumExp(xr, cols, scratch: scratch)
                for j in 0..<cols { orow[j] = xr[j] - lse }
            }
        }
    }

    /// dinp[r, j] = dout[r, j] - e^out[r, j] * Σ_k dout[r, k] (out: the log-softmax; all [rows, cols]).
    public static func logSoftmaxBackward(_ dinp: UnsafeMutablePointer<Float>, _ dout: UnsafePointer<Float>, _ out: UnsafePointer<Float>,
                                          rows: Int, cols: Int) {
        let d = SendablePointer(dinp), g = SendablePointer(dout), y = SendablePointer(out)
        Parallel.forRanges(rows, costPerItem: cols * 4) { range in
            for r in range {
                let gr = g.p + r * cols, yr = y.p + r * cols, dr = d.p + r * cols
                let s = RowMath.sum(gr, cols)
                for j in 0..<cols { dr[j] = gr[j] - FastMath.exp(yr[j]) * s }
            }
        }
    }

    /// log Σ e^x[j] of one row, stable; `scratch` ([n], not overlapping x) receives e^(x - max).
    @inline(__always)
    static func logSumExp(_ x: UnsafePointer<Float>, _ n: Int, scratch: UnsafeMutablePointer<Float>) -> Float {
        let m = RowMath.max(x, n)
        if !m.isFinite { return m == -.infinity ? -.infinity : (m.isNaN ? .nan : .infinity) }
        for j in 0..<n { scratch[j] = FastMath.exp(x[j] - m) }
        return m + Foundation.log(RowMath.sum(scratch, n))
    }
}
