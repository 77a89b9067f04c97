import CBLAS

// Linear layers as cblas_sgemm calls on row-major flat buffers (llm.c's matmul_forward/backward).
// Weights are stored as PyTorch does: W[Out, In], so y = x W^T. Each product is split into fixed
// row ranges, one single-threaded sgemm per worker.

/// Rows per worker below which a product is not split (too little work to pay for a hand-off).
private func minimumRows(_ inner: Int, _ outer: Int) -> Int { max(1, (1 << 19) / max(1, inner * outer)) }

/// out[N, Out] = inp[N, In] @ W[Out, In]^T (+ bias[Out]); `accumulate` adds to out instead (residual adds).
func matmulForward(_ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ weight: UnsafePointer<Float>,
                   _ bias: UnsafePointer<Float>?, _ N: Int, _ In: Int, _ Out: Int, accumulate: Bool = false) {
    if let bias {
        for n in 0..<N { (out + n * Out).update(from: bias, count: Out) }
    }
    let beta: Float = (bias == nil && !accumulate) ? 0 : 1
    if N <= 2 {
        // one token per sequence (decoding): sgemv reads W once without sgemm's packing copy;
        // split over output rows
        parallelRanges(Out, minimumPerWorker: minimumRows(In, N)) { rows, _ in
            for n in 0..<N {
                cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(rows.count), Int32(In), 1, weight + rows.lowerBound * In, Int32(In),
                            inp + n * In, 1, beta, out + n * Out + rows.lowerBound, 1)
            }
        }
        return
    }
    if N <= smallBatchRows {
        // few rows (a batch of decoding sequences): sgemm packs the weight panel on every call, so
        // split over output columns, where each worker packs only its own share of W
        parallelRanges(Out, minimumPerWorker: max(16, minimumRows(In, N))) { cols, _ in
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(N), Int32(cols.count), Int32(In),
                        1, inp, Int32(In), weight + cols.lowerBound * In, Int32(In), beta, out + cols.lowerBound, Int32(Out))
        }
        return
    }
    parallelRanges(N, minimumPerWorker: minimumRows(In, Out)) { rows, _ in
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows.count), Int32(Out), Int32(In),
                    1, inp + rows.lowerBound * In, Int32(In), weight, Int32(In), beta, out + rows.lowerBound * Out, Int32(Out))
    }
}

/// Row counts up to which a forward product is split over output columns instead of rows.
private let smallBatchRows = 64

/// Given dout[N, Out]: dinp[N, In] (= or +=) dout @ W; dW[Out, In] += dout^T @ inp; dbias[Out] += colsum(dout).
func matmulBackward(_ dinp: UnsafeMutablePointer<Float>?, accumulateInput: Bool,
                    _ dweight: UnsafeMutablePointer<Float>, _ dbias: UnsafeMutablePointer<Float>?,
                    _ dout: UnsafePointer<Float>, _ inp: UnsafePointer<Float>, _ weight: UnsafePointer<Float>,
                    _ N: Int, _ In: Int, _ Out: Int) {
    if let dinp {
        parallelRanges(N, minimumPerWorker: minimumRows(In, Out)) { rows, _ in
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows.count), Int32(In), Int32(Out),
                        1, dout + rows.lowerBound * Out, Int32(Out), weight, Int32(In), accumulateInput ? 1 : 0,
                        dinp + rows.lowerBound * In, Int32(In))
        }
    }
    // dW rows o: dW[o, :] += sum_n dout[n, o] inp[n, :], split over output rows
    parallelRanges(Out, minimumPerWorker: minimumRows(In, N)) { outs, _ in
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(outs.count), Int32(In), Int32(N),
                    1, dout + outs.lowerBound, Int32(Out), inp, Int32(In), 1, dweight + outs.lowerBound * In, Int32(In))
        if let dbias {
            // column sums in a fixed row order (deterministic)
            for n in 0..<N {
                let row = dout + n * Out
                for o in outs { dbias[o] += row[o] }
            }
        }
    }
}
