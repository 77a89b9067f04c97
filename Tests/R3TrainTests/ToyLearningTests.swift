import XCTest
import R3Models
import R3Random
import R3Tasks
@testable import R3Train

/// The method end to end on a deterministic toy: a tiny model that copies its reflection into its
/// retry, and a verifier that passes a retry containing "7". Only reflections that contain a 7 are
/// rewarded, so GRPO on the reflection tokens must teach the model to write one.
final class ToyLearningTests: XCTestCase {
    /// A model that answers "12" first, then reflects with a random digit (rarely a 7), then
    /// copies the reflection as its retry.
    static func copyingModel() throws -> (LanguageModel, EpisodeFormat) {
        let tokenizer = try Tokenizer.chars("0123456789?!\n>:x")
        let config = ModelConfig(vocabSize: tokenizer.vocabSize, hiddenSize: 32, numLayers: 2, numHeads: 2, maxPositions: 32)
        let model = try LanguageModel(config: config, tokenizer: tokenizer, seed: 3)
        let format = EpisodeFormat(template: TaskTemplate(style: .compact), layout: .plain(turnEnd: "\n"),
                                   prompts: ReflectionPrompts(reflection: "?", retry: "!"))
        var rng = RandomGenerator(seed: 5)
        let digits = Array("012345689")
        var examples = Array(repeating: Example(prompt: "x>:", completion: "12\n"), count: 100)
        for _ in 0..<400 {
            // A 7 in 3% of the reflections: few are rewarded at first.
            let r = String(rng.nextDouble() < 0.03 ? "7" : digits[rng.nextInt(below: digits.count)])
            examples.append(Example(prompt: "x>:12\n?", completion: r + "\n!" + r + "\n"))
            // Copying is learned for every digit, 7 included, without training the reflection to write it.
            let d = String(rng.nextInt(below: 10))
            examples.append(Example(prompt: "x>:12\n?" + d + "\n!", completion: d + "\n"))
        }
        try fit(model, examples, config: FitConfig(steps: 400, batchSize: 16, seed: 1,
                                                   optimizer: OptimizerConfig(learningRate: 3e-3)))
        return (model, format)
    }

    static let sevenVerifier = Verifier(name: "has7") { _, output in output.contains("7") ? .pass() : .fail("no 7 in \(output)") }

    /// Over three sampling seeds. At a learning rate of 3e-3 the run is chaotic (a step that flips
    /// the greedy retry's copy can take the reward from 1 to 0), so the rate is 1e-3.
    func testReflectionLearnsTheRewardedToken() throws {
        let (model, format) = try Self.copyingModel()
        let task = AnyTask.text(TextTask(prompt: "x>:"))
        let mined = try mineFailures(EpisodeSampler(model: model, format: format, verifier: Self.sevenVerifier), [task])
        XCTAssertEqual(mined.failures.count, 1)
        for seed: UInt64 in [2, 5, 8] {
            let config = GRPOConfig(steps: 40, tasksPerStep: 4, group: 8, beta: 0.001,
                                    attempt: TurnSampling(maxTokens: 4), reflection: TurnSampling(maxTokens: 4, temperature: 1),
                                    retry: TurnSampling(maxTokens: 4),
                                    optimizer: OptimizerConfig(learningRate: 1e-3, minLearningRateRatio: 1, warmupSteps: 0, weightDecay: 0),
                                    seed: seed)
            let trainer = try GRPOTrainer(policy: try model.copied(), reference: model, tasks: mined.failures, config: config,
                                          format: format, verifier: Self.sevenVerifier)
            let before = try sevenRate(trainer.policy, format, mined.failures[0])
            try trainer.run()
            let after = try sevenRate(trainer.policy, format, mined.failures[0])
            XCTAssertLessThan(before, 0.25, "seed \(seed): reflections with a 7 before training")
            // The retry shares every weight with the reflection, so it also learns to write a 7 on
            // its own, and rewards reach 1 before every reflection holds one.
            XCTAssertGreaterThan(after, before + 0.15, "seed \(seed): the reflection learned to write a 7")
            let rewards = try trainer.log.column("reward").values
            let early = rewards.prefix(5).reduce(0, +) / 5, late = rewards.suffix(5).reduce(0, +) / 5
            XCTAssertLessThan(early, 0.25, "seed \(seed)")
            XCTAssertGreaterThan(late, 0.8, "seed \(seed)")
        }
    }

    /// The fraction of 64 reflections (temperature 1) on the failed attempt that contain a 7.
    private func sevenRate(_ model: LanguageModel, _ format: EpisodeFormat, _ failed: FailedTask) throws -> Double {
        let sampler = EpisodeSampler(model: model, format: format, verifier: Self.sevenVerifier)
        let n = 64
        let reflections = try sampler.reflections(Array(repeating: failed.task, count: n), after: Array(repeating: failed.attempt!, count: n),
                                                  sampling: TurnSampling(maxTokens: 4, temperature: 1), seed: 9)
        return Double(reflections.filter { $0.text.contains("7") }.count) / Double(n)
    }
}
