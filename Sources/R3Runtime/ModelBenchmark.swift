import R3Models
import R3Script

/// `r3 bench train` and `r3 bench sample`: R3Models' `ModelBenchmarks` on the configs of the
/// PyTorch peer (/work/shared/bench/torch_llama.py).
///
/// Options: `--config tiny|small|medium` (a comma list runs several; default tiny) and, for
/// sample, `--batch 1|32` (a comma list too; default 1).
enum ModelBenchmark {
    static func train(options: [String: String]) throws -> [String] {
        try configs(options).flatMap { try ModelBenchmarks.train(config: $0) }
    }

    static func sample(options: [String: String]) throws -> [String] {
        let batches = try (options["batch"] ?? "1").split(separator: ",").map { text -> Int in
            guard let b = Int(text), b > 0 else { throw ScriptError("--batch must be a positive whole number (or a comma list), got '\(text)'") }
            return b
        }
        var lines: [String] = []
        for config in try configs(options) {
            for batch in batches { lines += try ModelBenchmarks.sample(config: config, batch: batch) }
        }
        return lines
    }

    private static func configs(_ options: [String: String]) throws -> [String] {
        let names = (options["config"] ?? "tiny").split(separator: ",").map(String.init)
        for name in names where ModelBenchmarks.sizes[name] == nil {
            throw ScriptError("unknown --config '\(name)'; the configs are \(ModelBenchmarks.sizes.keys.sorted().joined(separator: ", "))")
        }
        return names
    }
}
