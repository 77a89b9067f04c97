import XCTest
import R3Models
import R3Plot
import R3Tasks
@testable import R3Train

final class TrainerTests: XCTestCase {
    /// A verifier that passes retries whose text has an odd number of characters: a random model
    /// gets mixed rewards, so groups carry signal.
    static let oddLength = Verifier(name: "odd") { _, output in output.count % 2 == 1 ? .pass() : .fail("even length") }
    /// Wall-clock columns, which differ between runs.
    static func isTiming(_ name: String) -> Bool { ["tokens_per_second", "step_time"].contains(name) || name.hasPrefix("time/") }

    static func deterministicRecords(_ log: MetricsLog) -> [MetricsLog.Record] {
        log.records.map { MetricsLog.Record(step: $0.step, values: $0.values.filter { !isTiming($0.0) }) }
    }

    func testResumeIsBitIdentical() throws {
        let dir = try TrainFixture.temporaryFolder(self)
        var config = TrainFixture.quick(GRPOConfig(steps: 4, tasksPerStep: 3, group: 4, beta: 0.04, checkpointEvery: 2,
                                                   checkpointDirectory: dir + "/a", seed: 7))
        config.optimizer = OptimizerConfig(learningRate: 1e-3, minLearningRateRatio: 1, warmupSteps: 1, weightDecay: 0)
        config.retry.temperature = 1  // sampled retries: mixed rewards, real updates
        let straight = try TrainFixture.trainer(config, verifier: Self.oddLength)
        try straight.run()

        config.checkpointDirectory = dir + "/b"
        let first = try TrainFixture.trainer(config, verifier: Self.oddLength)
        let stopped = try first.run(shouldStop: { first.step == 2 })
        XCTAssertTrue(stopped.stopped)
        XCTAssertEqual(stopped.lastCheckpoint, dir + "/b/checkpoint-2")
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/b/reference/model.safetensors"))

        let resumed = try TrainFixture.trainer(config, verifier: Self.oddLength)
        try resumed.resume(from: dir + "/b")
        XCTAssertEqual(resumed.step, 2)
        try resumed.run()
        XCTAssertEqual(resumed.step, 4)
        for (name, _) in straight.policy.parameterShapes {
            XCTAssertEqual(straight.policy.parameter(name), resumed.policy.parameter(name), name)
        }
        XCTAssertEqual(Self.deterministicRecords(straight.log), Self.deterministicRecords(resumed.log))
        XCTAssertGreaterThan(try straight.log.column("reward").values.reduce(0, +), 0)
        XCTAssertGreaterThan(try straight.log.column("grad_norm").values.reduce(0, +), 0)
    }

    func testAllEqualRewardsGiveZeroGradientNotNaN() throws {
        let never = Verifier(name: "never") { _, _ in .fail("never") }
        let trainer = try TrainFixture.trainer(TrainFixture.quick(GRPOConfig(steps: 1, tasksPerStep: 2, group: 4, beta: 0)), verifier: never)
        let before = trainer.policy.parameter("model.embed_tokens.weight")
        let record = try trainer.trainStep()
        XCTAssertEqual(record["frac_reward_zero_std"], 1)
        XCTAssertEqual(record["grad_norm"], 0)
        XCTAssertEqual(record["loss"], 0)
        XCTAssertTrue(record.values.allSatisfy { $0.1.isFinite })
        XCTAssertEqual(trainer.policy.parameter("model.embed_tokens.weight"), before)
    }

    func testNonFiniteLossStopsBeforeTheUpdateAndNamesTheCheckpoint() throws {
        let dir = try TrainFixture.temporaryFolder(self)
        let config = TrainFixture.quick(GRPOConfig(steps: 3, tasksPerStep: 2, group: 4, beta: 0.04, checkpointEvery: 1,
                                                   checkpointDirectory: dir, seed: 3))
        let trainer = try TrainFixture.trainer(config, verifier: Self.oddLength)
        _ = try trainer.trainStep()
        try trainer.writeCheckpoint()
        var norm = try XCTUnwrap(trainer.policy.parameter("model.norm.weight"))
        norm[0] = .nan
        try trainer.policy.setParameter("model.norm.weight", norm)
        let embedding = trainer.policy.parameter("model.embed_tokens.weight")
        assertThrows(try trainer.trainStep(), contains: ["not finite at step 2", "before updating the weights", dir + "/checkpoint-1"])
        XCTAssertEqual(trainer.policy.parameter("model.embed_tokens.weight"), embedding)
        // The last good checkpoint is intact and loads.
        XCTAssertNoThrow(try LanguageModel.load(dir + "/checkpoint-1"))
    }

    func testReferenceOfAnotherShapeIsRefused() throws {
        let model = try TrainFixture.countdownModel()
        let other = try LanguageModel(config: ModelConfig(vocabSize: model.config.vocabSize, hiddenSize: 64, numLayers: 2, numHeads: 2,
                                                          maxPositions: 64), tokenizer: model.tokenizer)
        let tasks = try TrainFixture.countdownTasks(2).map { FailedTask(task: $0) }
        assertThrows(try GRPOTrainer(policy: model, reference: other, tasks: tasks, config: GRPOConfig(), format: EpisodeFormat(for: model)),
                     contains: ["reference model's architecture differs", "dim 64", "dim 32"])
        assertThrows(try GRPOTrainer(policy: model, reference: nil, tasks: tasks, config: GRPOConfig(), format: EpisodeFormat(for: model)),
                     contains: ["no reference model"])
    }

    func testEmptyFailureSetIsAClearError() throws {
        let model = try TrainFixture.countdownModel()
        assertThrows(try GRPOTrainer(policy: model, reference: nil, tasks: [], config: GRPOConfig(beta: 0), format: EpisodeFormat(for: model)),
                     contains: ["passes every task on the first try", "nothing to train"])
    }

    func testTaskPromptBeyondTheContextIsRefusedUpFront() throws {
        let model = try TrainFixture.countdownModel(context: 10)
        let tasks = [FailedTask(task: .countdown(try CountdownTask(nums: [44, 19, 35], target: 98)))]
        assertThrows(try GRPOTrainer(policy: model, reference: nil, tasks: tasks, config: GRPOConfig(beta: 0), format: EpisodeFormat(for: model)),
                     contains: ["task 0", "12 tokens", "context of 10 tokens"])
    }

    func testAThrowingVerifierIsAFailureWithItsReasonAndTheRunGoesOn() throws {
        struct Broken: Error, CustomStringConvertible { var description: String { "verifier exploded" } }
        let throwing = Verifier(name: "broken") { _, _ in throw Broken() }
        let trainer = try TrainFixture.trainer(TrainFixture.quick(GRPOConfig(steps: 2, tasksPerStep: 2, group: 2, beta: 0)), verifier: throwing)
        try trainer.run()
        XCTAssertEqual(trainer.step, 2)
        XCTAssertEqual(try trainer.log.column("reward").values, [0, 0])
        let turn = try trainer.sampler.attempts([trainer.tasks[0].task], sampling: TurnSampling(maxTokens: 4), seed: 0)[0]
        XCTAssertEqual(turn.verdict?.reason, "verifier exploded")
    }

    func testDynamicSamplingKeepsOnlyGroupsWithSignal() throws {
        var config = TrainFixture.quick(GRPOConfig(steps: 1, tasksPerStep: 3, group: 4, beta: 0, dynamicSampling: true, maxDrawsPerStep: 12))
        config.reflection.temperature = 1
        let trainer = try TrainFixture.trainer(config, verifier: Self.oddLength)
        let s = try trainer.sampleGroups()
        XCTAssertTrue(s.kept.allSatisfy(\.hasSignal))
        XCTAssertLessThanOrEqual(s.drawn, 12)
        XCTAssertTrue(s.kept.count == 3 || s.drawn == 12)
        XCTAssertEqual(s.all.count, s.drawn)
    }

    func testPlainModeTrainsFirstAttempts() throws {
        let trainer = try TrainFixture.trainer(TrainFixture.quick(GRPOConfig(mode: .plain, steps: 1, tasksPerStep: 2, group: 4, beta: 0.04)),
                                               verifier: Self.oddLength)
        let s = try trainer.sampleGroups()
        XCTAssertEqual(s.kept.count, 2)
        XCTAssertTrue(s.kept.allSatisfy { $0.completions.allSatisfy { $0.role == .attempt } && $0.retries.isEmpty })
        let record = try trainer.trainStep()
        XCTAssertNil(record["retry_accuracy"])
        XCTAssertNotNil(record["first_try"])
    }

    func testFailureMiningRules() throws {
        let model = try TrainFixture.countdownModel()
        let tasks = try TrainFixture.countdownTasks(10)
        // Passes every other sample: with 2 samples, "all" keeps none and "any" keeps all.
        final class Alternating: @unchecked Sendable { var n = 0 }
        let state = Alternating()
        let alternating = Verifier(name: "alt") { _, _ in state.n += 1; return state.n % 2 == 0 ? .pass() : .fail("odd call") }
        let sampler = EpisodeSampler(model: model, format: EpisodeFormat(for: model), verifier: alternating)
        let all = try mineFailures(sampler, tasks, config: FailureMiningConfig(samples: 2, rule: .all))
        XCTAssertEqual(all.failures.count, 0)
        XCTAssertEqual(all.attempts, 20)
        XCTAssertEqual(all.passedAttempts, 10)
        let any = try mineFailures(sampler, tasks, config: FailureMiningConfig(samples: 2, rule: .any))
        XCTAssertEqual(any.failures.count, 10)
        XCTAssertTrue(any.failures.allSatisfy { $0.attempt?.passed == false })
        XCTAssertEqual(FailureMiningConfig(samples: 4).sampling.temperature, 1)
        XCTAssertEqual(FailureMiningConfig(samples: 1).sampling.temperature, 0)
    }

    func testEvaluationCountsBothTries() throws {
        let model = try TrainFixture.countdownModel()
        let tasks = try TrainFixture.countdownTasks(6)
        // Passes the retries only (their context ends with the retry prompt "!"): 1st try 0, 2nd try 1.
        let sampler = EpisodeSampler(model: model, format: EpisodeFormat(for: model))
        let always = Verifier(name: "always") { _, _ in .pass() }
        let never = Verifier(name: "never") { _, _ in .fail("no") }
        let e1 = try evaluate(EpisodeSampler(model: model, format: sampler.format, verifier: always), tasks, sampling: TurnSampling(maxTokens: 6))
        XCTAssertEqual(e1.firstTry, 1)
        XCTAssertEqual(e1.secondTry, 1)
        XCTAssertEqual(e1.meanReflectionLength, 0)
        let e0 = try evaluate(EpisodeSampler(model: model, format: sampler.format, verifier: never), tasks, sampling: TurnSampling(maxTokens: 6))
        XCTAssertEqual(e0.count, 6)
        XCTAssertEqual(e0.firstTry, 0)
        XCTAssertEqual(e0.secondTry, 0)
        XCTAssertGreaterThan(e0.meanReflectionLength, 0)
    }

    /// pass@k over sampled reflections, against hand-computed values: 4 tasks, one passed on the
    /// first try, three failed with 0, 2 and 4 of 4 sampled retries passing.
    func testSecondTryBestOfIsTheUnbiasedPassAtK() {
        var e = Evaluation(name: "m", count: 4, firstTryPasses: 1, secondTryPasses: 1, meanReflectionLength: 0, meanAttemptLength: 0)
        XCTAssertNil(e.secondTry(bestOf: 1), "no samples")
        e.reflectionSamples = 4
        e.sampledRetryPasses = [0, 2, 4]
        let one: Double = (1 + 0 + 0.5 + 1) / 4
        XCTAssertEqual(e.secondTry(bestOf: 1)!, one, accuracy: 1e-12)
        // c = 2 of n = 4, k = 2: 1 - C(2, 2) / C(4, 2) = 5/6.
        let two: Double = (2 + 5.0 / 6) / 4
        XCTAssertEqual(e.secondTry(bestOf: 2)!, two, accuracy: 1e-12)
        XCTAssertEqual(e.secondTry(bestOf: 3)!, 0.75, accuracy: 1e-12)
        XCTAssertEqual(e.secondTry(bestOf: 4)!, 0.75, accuracy: 1e-12)
        XCTAssertNil(e.secondTry(bestOf: 0))
        XCTAssertNil(e.secondTry(bestOf: 5))
    }
}
