import CBLAS
import Foundation

extension Kernels {
    /// Row-major C = alpha * op(A) @ op(B) + beta * C through `cblas_sgemm`, where op(A) is [m, k]
    /// (A stored [m, lda] or, with `transA`, [k, lda] read transposed), op(B) is [k, n], C is [m, ldc].
    /// Dimensions must fit in Int32.
    public static func sgemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
                             a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                             beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
        if m == 0 || n == 0 { return }
        if k == 0 {
            // BLAS leaves C untouched for k == 0 only when beta == 1; make C = beta * C explicit.
            for i in 0..<m { for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] } }
            return
        }
        BLASThreads.use(TensorThreads.count)
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(max(lda, 1)), b, Int32(max(ldb, 1)), beta, c, Int32(max(ldc, 1)))
    }

    /// `batch` independent products: C_i = alpha * op(A_i) @ op(B_i) + beta * C_i with A_i at
    /// `a + i * strideA` (strides may be 0 to reuse one matrix), likewise B_i and C_i (strideC must
    /// keep the C_i disjoint). Small products run in parallel over the batch, each on one thread
    /// (OpenBLAS itself uses one thread below 64³ multiply-adds); large ones use OpenBLAS's threads.
    public static func sgemmBatched(batch: Int, transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
                                    a: UnsafePointer<Float>, lda: Int, strideA: Int, b: UnsafePointer<Float>, ldb: Int, strideB: Int,
                                    beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int, strideC: Int) {
        let pa = SendablePointer(a), pb = SendablePointer(b), pc = SendablePointer(c)
        let small = m * n * k <= 64 * 64 * 64
        let threads = TensorThreads.count
        BLASThreads.use(threads)
        if batch > 1 && small && threads > 1 && batch * m * n * k >= 4 * Parallel.minParallelWork {
            let parts = min(threads, batch)
            DispatchQueue.concurrentPerform(iterations: parts) { w in
                for i in (batch * w / parts)..<(batch * (w + 1) / parts) {
                    sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: pa.p + i * strideA, lda: lda,
                          b: pb.p + i * strideB, ldb: ldb, beta: beta, c: pc.p + i * strideC, ldc: ldc)
                }
            }
            return
        }
        for i in 0..<batch {
            sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a + i * strideA, lda: lda,
                  b: b + i * strideB, ldb: ldb, beta: beta, c: c + i * strideC, ldc: ldc)
        }
    }
}
