import Foundation
import R3Models
import R3Random
import R3Tasks

/// `r3 bench grpo`: GRPO steps on the task and model of ../shared/bench/trl_grpo.py, for a side by
/// side comparison with TRL's GRPOTrainer.
///
/// Same model (Llama, tied embeddings, 4 heads, ffn = 11/4 dim, context 256, a character vocabulary
/// of TRL's 52 characters plus pad and eos), same prompts (`numbers 12,7,30 target 54\nanswer: `),
/// the same reward (the first line, checked as a Countdown equation), beta 0.04, lr 1e-5,
/// temperature 1, `prompts` x `group` completions per step. Plain GRPO (no reflection), as TRL runs
/// it. Every completion is exactly `new` tokens long (TRL's figure counts prompts x group x new per
/// step), so both sides count the same tokens. Reports the median over the steps after the first.
public enum GRPOBenchmark {
    public struct Options: Sendable {
        public var layers = 4
        public var dim = 128
        public var prompts = 4
        public var group = 8
        public var new = 32
        public var steps = 6
        public init() {}
    }

    public static let characters = "0123456789+-*/()=, abcdefghijklmnopqrstuvwxyz:<>.\n"

    /// The line `grpo layers=... s_per_step=... completion_tok_per_s=...`.
    public static func run(_ o: Options) throws -> String {
        try require(o.layers >= 1 && o.dim >= 4 && o.dim % 4 == 0, "grpo bench: layers >= 1 and dim a positive multiple of 4 (4 heads)")
        try require(o.prompts >= 1 && o.group >= 2 && o.new >= 1 && o.steps >= 2, "grpo bench: prompts >= 1, group >= 2, new >= 1, steps >= 2")
        let tokenizer = try Tokenizer.chars(characters)
        let config = ModelConfig(vocabSize: tokenizer.vocabSize, hiddenSize: o.dim, intermediateSize: o.dim * 11 / 4,
                                 numLayers: o.layers, numHeads: 4, maxPositions: 256, tieWordEmbeddings: true)
        let reference = try LanguageModel(config: config, tokenizer: tokenizer, seed: 0)
        let policy = try reference.copied()
        var rng = RandomGenerator(seed: 0)
        var tasks: [FailedTask] = []
        for _ in 0..<512 {
            let nums = (0..<3).map { _ in 1 + rng.nextInt(below: 50) }
            let target = rng.nextDouble() < 0.5 ? nums[0] + nums[1] - nums[2] : nums[0] * nums[1] - nums[2]
            let prompt = "numbers \(nums.map(String.init).joined(separator: ",")) target \(target)\nanswer: "
            let fields = JSONObject([("nums", .array(nums.map { .int($0) })), ("target", .int(target))])
            tasks.append(FailedTask(task: .text(TextTask(prompt: prompt, fields: fields))))
        }
        let countdown = CountdownVerifier(extraction: .firstLine)
        let verifier = Verifier(name: "countdown") { task, output in
            guard case .text(let t) = task, let nums = t.fields["nums"]?.arrayValue?.compactMap(\.intValue),
                  let target = t.fields["target"]?.intValue else { return .fail("not a benchmark task") }
            return countdown.verify(try CountdownTask(nums: nums, target: target), output)
        }
        let sampling = TurnSampling(maxTokens: o.new, temperature: 1, stopsAtTurnEnd: false)
        let grpo = GRPOConfig(mode: .plain, steps: o.steps, tasksPerStep: o.prompts, group: o.group, beta: 0.04,
                              attempt: sampling,
                              optimizer: OptimizerConfig(learningRate: 1e-5, minLearningRateRatio: 1, warmupSteps: 0, weightDecay: 0),
                              microBatch: o.prompts * o.group)
        let format = EpisodeFormat(template: TaskTemplate(style: .compact), layout: .plain(turnEnd: "\n"))
        let trainer = try GRPOTrainer(policy: policy, reference: reference, tasks: tasks, config: grpo, format: format, verifier: verifier)
        var times: [Double] = []
        var phases: [String: [Double]] = [:]
        for _ in 0..<o.steps {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let record = try trainer.trainStep()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
            for (name, value) in record.values where name.hasPrefix("time/") { phases[name, default: []].append(value) }
        }
        let seconds = ModelBenchmarks.median(Array(times.dropFirst()))
        let tokens = Double(o.prompts * o.group * o.new)
        return "grpo layers=\(o.layers) dim=\(o.dim) prompts=\(o.prompts) group=\(o.group) new=\(o.new) "
            + String(format: "s_per_step=%.3f completion_tok_per_s=%.0f", seconds, tokens / seconds)
            + ["sampling", "reference", "update"].map { String(format: " %@_s=%.3f", $0, ModelBenchmarks.median(Array(phases["time/\($0)", default: []].dropFirst()))) }.joined()
    }
}
