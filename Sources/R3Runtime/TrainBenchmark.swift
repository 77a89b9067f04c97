import R3Script
import R3Train

/// `r3 bench grpo`: R3Train's `GRPOBenchmark` on the settings of the TRL peer
/// (/work/shared/bench/trl_grpo.py). Options: `--layers 4 --dim 128 --prompts 4 --group 8 --new 32`
/// (the defaults) and `--steps 6`.
enum TrainBenchmark {
    static func grpo(options: [String: String]) throws -> [String] {
        var o = GRPOBenchmark.Options()
        func int(_ key: String, _ value: inout Int) throws {
            guard let text = options[key] else { return }
            guard let n = Int(text), n > 0 else { throw ScriptError("--\(key) must be a positive whole number, got '\(text)'") }
            value = n
        }
        try int("layers", &o.layers)
        try int("dim", &o.dim)
        try int("prompts", &o.prompts)
        try int("group", &o.group)
        try int("new", &o.new)
        try int("steps", &o.steps)
        do { return [try GRPOBenchmark.run(o)] } catch let e as TrainError { throw ScriptError(e.message) }
    }
}
