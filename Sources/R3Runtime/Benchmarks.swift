import Foundation
import R3Script

/// `r3 bench NAME`: each benchmark prints one line of key=value figures per measure (`name=...`
/// first; train, sample and grpo lines start with the measure, as the peer scripts in
/// ../shared/bench print theirs). Speed is measured here, never in unit tests; compare figures
/// measured side by side in one run.
public enum Benchmarks {
    public static let names = ["interp", "verify", "plot", "tensor", "train", "sample", "grpo"]

    public static func run(_ name: String, options: [String: String]) throws -> [String] {
        switch name {
        case "interp": return try interpreter()
        case "verify": return try TaskBenchmark.run(options: options)
        case "plot": return try PlotBenchmarks.lines(options: options)
        case "tensor": return try TensorBenchmark.run(options: options)
        case "train": return try ModelBenchmark.train(options: options)
        case "sample": return try ModelBenchmark.sample(options: options)
        case "grpo": return try TrainBenchmark.grpo(options: options)
        default:
            throw ScriptError("unknown benchmark '\(name)'; the benchmarks are \(names.joined(separator: ", "))")
        }
    }

    /// The interpreter on the two programs of scripts/bench (fib(27), a 1e7-step loop sum).
    static func interpreter() throws -> [String] {
        let programs = [
            ("fib27", "fn fib(n) { if n < 2 { return n }\n return fib(n - 1) + fib(n - 2) }\nfib(27)"),
            ("loop_sum_1e7", "var total = 0\nvar i = 0\nwhile i < 10000000 { total += i; i += 1 }\ntotal"),
            ("for_sum_1e7", "var total = 0\nfor i in 0..<10000000 { total += i }\ntotal"),
        ]
        var lines: [String] = []
        for (name, code) in programs {
            let interp = Interpreter()
            let start = DispatchTime.now().uptimeNanoseconds
            let value = try interp.run(SourceFile(name: name, text: code))
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            lines.append("name=\(name) seconds=\(String(format: "%.3f", seconds)) result=\(value.map(Formatter.display) ?? "nil")")
        }
        return lines
    }
}
