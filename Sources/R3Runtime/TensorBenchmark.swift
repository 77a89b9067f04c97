import Foundation
import R3Script
import R3Tensor

/// `r3 bench tensor`: R3Tensor's own cases (`TensorBench.run`: matmul against `cblas_sgemm`, the
/// elementwise and norm kernels against `memcpy`), then what the language layer adds: the same
/// operation issued from a script (a function `fn product() { a @ b }` called through the
/// interpreter) and through the Swift API, timed alternately in one run.
///
/// Options: `--seconds S` (time per case, default 0.5), `--quick 1` (small shapes, for smoke tests).
enum TensorBenchmark {
    static func run(options: [String: String]) throws -> [String] {
        let seconds = max(0.05, Double(options["seconds"] ?? "") ?? 0.5)
        let quick = ["1", "true", "yes"].contains(options["quick"] ?? "")
        var lines = try TensorBench.run(seconds: seconds, quick: quick)
        lines.append(try scriptCase("script_matmul_512", shape: [512, 512], "a @ b", seconds: seconds) { try $0.matmul($1) })
        lines.append(try scriptCase("script_add_64x64", shape: [64, 64], "a + b", seconds: seconds) { try $0 + $1 })
        return lines
    }

    /// One operation on two random tensors of `shape`, from a script and from Swift:
    /// `name=... script_us=... api_us=... overhead_us=... ratio_to_api=...` (API time / script time).
    static func scriptCase(_ name: String, shape: [Int], _ expression: String, seconds: Double,
                           _ api: (Tensor, Tensor) throws -> Tensor) throws -> String {
        let a = try Tensor.randn(shape, seed: 1), b = try Tensor.randn(shape, seed: 2)
        let interp = Runtime.makeInterpreter()
        interp.define("a", TensorValues.value(a))
        interp.define("b", TensorValues.value(b))
        try interp.run(SourceFile(name: "bench", text: "fn product() { \(expression) }"))
        guard let product = interp.globals.value(named: "product") else { throw ScriptError("bench: the script function is missing") }
        let (script, direct) = try fastest(seconds: seconds, { _ = try interp.call(product, []) }, { _ = try api(a, b) })
        let us = { (s: Double) in String(format: "%.2f", s * 1e6) }
        return "name=\(name) script_us=\(us(script)) api_us=\(us(direct)) overhead_us=\(us(script - direct)) "
            + "ratio_to_api=\(String(format: "%.2f", direct / script))"
    }

    /// The fastest single call of `subject` and of `baseline`, timed alternately for about `seconds`
    /// (at least 5 calls each, after one warm-up call each): robust to other load on the machine.
    static func fastest(seconds: Double, _ subject: () throws -> Void, _ baseline: () throws -> Void) throws -> (Double, Double) {
        func once(_ body: () throws -> Void) throws -> Double {
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
            best.0 = min(best.0, try once(subject))
            best.1 = min(best.1, try once(baseline))
            calls += 1
        } while calls < 5 || Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < seconds
        return best
    }
}
