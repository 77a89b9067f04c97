import CBLAS
import Foundation

/// Throughput of the Tensor API against the machine's own ceilings, measured side by side in one run
/// (for `r3 bench tensor`). Every line is `name=<case> <metric>=<value> ratio_to_<baseline>=<ratio>`:
///
/// - `matmul_*`: GFLOP/s of `Tensor.matmul` (allocating its result, as user code does) and its
///   ratio to a direct `cblas_sgemm` call on preallocated buffers with the same layout
///   (`_nt`: right operand a transposed view, `_tn`: left operand a transposed view). Goal >= 0.95.
/// - `softmax_*`, `layer_norm_*`, `gelu_*`: GB/s (one read and one write of the tensor) and the ratio
///   to a plain `memcpy` of the same bytes. Goal >= 0.5 (within 2x of copy bandwidth).
///
/// Each case times single calls of the subject and its baseline alternately for about `seconds`
/// and reports the fastest call of each, which is robust to other load on the machine.
public enum TensorBench {
    /// Runs every case; `quick` uses smaller shapes (for smoke tests).
    public static func run(seconds: Double = 0.5, quick: Bool = false) throws -> [String] {
        BLASThreads.use(TensorThreads.count)
        var lines = ["name=setup threads=\(TensorThreads.count) openblas_threads=\(BLASThreads.current)"]
        let big = quick ? 512 : 4096
        let mats: [(String, Int, Int, Int, Bool, Bool)] = [
            ("matmul_512", 512, 512, 512, false, false),
            ("matmul_\(big)x768x768", big, 768, 768, false, false),
            ("matmul_\(big)x768x768_nt", big, 768, 768, false, true),
            ("matmul_\(big)x768x768_tn", big, 768, 768, true, false),
        ]
        for (name, m, n, k, ta, tb) in mats {
            lines.append(try matmulCase(name, m: m, n: n, k: k, transA: ta, transB: tb, seconds: seconds))
        }
        let rows = big, cols = 768
        let x = try Tensor.randn([rows, cols], seed: 1)
        let w = try Tensor.randn([cols], seed: 2), b = try Tensor.randn([cols], seed: 3)
        let cases: [(String, () throws -> Tensor)] = [
            ("softmax", { try x.softmax() }),
            ("layer_norm", { try x.layerNorm(weight: w, bias: b) }),
            ("gelu", { x.gelu() }),
            ("gelu_tanh", { x.gelu(approximate: .tanh) }),
            ("silu", { x.silu() }),
            ("add", { try x + x }),
            ("relu", { x.relu() }),
        ]
        let bytes = Double(rows * cols * 4 * 2)
        let dst = UnsafeMutablePointer<Float>.allocate(capacity: rows * cols)
        defer { dst.deallocate() }
        dst.initialize(repeating: 0, count: rows * cols)
        for (name, op) in cases {
            let (opBest, copyBest) = try fastest(seconds: seconds, { _ = try op() },
                                                 { x.withUnsafeBufferPointer { _ = memcpy(dst, $0.baseAddress!, rows * cols * 4) } })
            let gbps = bytes / opBest / 1e9, copy = bytes / copyBest / 1e9
            lines.append("name=\(name)_\(rows)x\(cols) gbps=\(fmt2(gbps)) copy_gbps=\(fmt2(copy)) ratio_to_copy=\(fmt2(gbps / copy))")
        }
        return lines
    }

    static func matmulCase(_ name: String, m: Int, n: Int, k: Int, transA: Bool, transB: Bool, seconds: Double) throws -> String {
        // Operands stored as BLAS wants them; the Tensor operands are the same buffers as views.
        let aStored = try Tensor.randn(transA ? [k, m] : [m, k], seed: 1)
        let bStored = try Tensor.randn(transB ? [n, k] : [k, n], seed: 2)
        let a = transA ? aStored.T : aStored, b = transB ? bStored.T : bStored
        let c = UnsafeMutablePointer<Float>.allocate(capacity: m * n)
        defer { c.deallocate() }
        c.initialize(repeating: 0, count: m * n)
        func direct() {
            Kernels.sgemm(transA: transA, transB: transB, m: m, n: n, k: k, a: aStored.pointer, lda: transA ? m : k,
                          b: bStored.pointer, ldb: transB ? k : n, c: c, ldc: n)
        }
        let (apiBest, directBest) = try fastest(seconds: seconds, { _ = try a.matmul(b) }, direct)
        let flops = 2 * Double(m) * Double(n) * Double(k)
        let api = flops / apiBest / 1e9, ref = flops / directBest / 1e9
        return "name=\(name) gflops=\(fmt2(api)) sgemm_gflops=\(fmt2(ref)) ratio_to_sgemm=\(fmt2(api / ref))"
    }

    /// The fastest single call of `subject` and of `baseline`, timed alternately for about `seconds`
    /// (at least 5 calls each, after one warm-up call each).
    static func fastest(seconds: Double, _ subject: () throws -> Void, _ baseline: () throws -> Void) rethrows -> (Double, Double) {
        func once(_ body: () throws -> Void) rethrows -> Double {
            let t0 = DispatchTime.now().uptimeNanoseconds
            try body()
            return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        }
        try subject()
        try baseline()
        var best = (Double.infinity, Double.infinity)
        let start = DispatchTime.now().uptimeNanoseconds
        var calls = 0
        repeat {
            best.0 = Swift.min(best.0, try once(subject))
            best.1 = Swift.min(best.1, try once(baseline))
            calls += 1
        } while calls < 5 || Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < seconds
        return best
    }

    static func fmt2(_ v: Double) -> String { String(format: "%.2f", v) }
}
