import Foundation
import XCTest
import R3Models
import R3Random
import R3Tasks
@testable import R3Train

final class ScratchExperiment: XCTestCase {
    func env(_ k: String, _ d: Double) -> Double { Double(ProcessInfo.processInfo.environment[k] ?? "") ?? d }
    func testExperiment() throws {
        guard ProcessInfo.processInfo.environment["R3_EXPERIMENT"] != nil else { return }
        let t0 = Date()
        func say(_ s: String) { FileHandle.standardError.write(Data((String(format: "[%6.1fs] ", Date().timeIntervalSince(t0)) + s + "\n").utf8)) }
        let seed = UInt64(env("SEED", 1))
        var gc = CountdownGeneratorConfig(count: Int(env("TASKS", 4000)), seed: seed, numbers: 3...3,
                                          numberRange: 1...Int(env("NMAX", 20)), targetRange: 1...Int(env("TMAX", 100)))
        gc.distinctNumbers = false
        let all = try CountdownGenerator.generate(gc).map(AnyTask.countdown)
        let nTest = 400
        let test = Array(all.prefix(nTest)), train = Array(all.dropFirst(nTest))
        let tok = try Tokenizer.chars(countdownAlphabet)
        let cfg = ModelConfig(vocabSize: tok.vocabSize, hiddenSize: Int(env("DIM", 128)), numLayers: Int(env("LAYERS", 4)), numHeads: 4, maxPositions: 64)
        let cache = "/tmp/exp/plan-sft-\(seed)-\(Int(env("SFT", 1500)))-\(env("REFL", 0.5))-\(Int(env("NMAX", 20)))-\(Int(env("DIM", 128)))-\(Int(env("LAYERS", 4)))"
        let cached = FileManager.default.fileExists(atPath: cache + "/config.json")
        let model = cached ? try LanguageModel.load(cache) : try LanguageModel(config: cfg, tokenizer: tok, seed: seed)
        let format = EpisodeFormat(for: model)
        var rng = RandomGenerator(seed: seed)
        var examples: [Example] = []
        let reflFrac = env("REFL", 0.5)
        let sftTasks = Array(train.prefix(Int(env("SFTTASKS", 3600))))
        for t in sftTasks {
            if let e = try format.firstTryExample(t) { examples.append(e) }
            if rng.nextDouble() < reflFrac, let d = format.template.reflectionDemonstration(t, rng: &rng) {
                examples.append(format.warmupExample(d, kind: t.kind))
            }
        }
        say("examples \(examples.count); e.g. \(examples.last!)")
        let sftSteps = Int(env("SFT", 1500))
        if !cached {
            let r = try fit(model, examples, config: FitConfig(steps: sftSteps, batchSize: 32, seed: seed,
                                                              optimizer: OptimizerConfig(learningRate: env("SFTLR", 2e-3))))
            say("sft loss \(r.metrics.suffix(20).map(\.loss).reduce(0,+)/20)")
            try model.save(to: cache)
        }
        let sampler = EpisodeSampler(model: model, format: format)
        let v = try evaluate(sampler, test, name: "vanilla")
        say("\(v) refl len \(v.meanReflectionLength)")
        let vt = try evaluate(sampler, Array(train.prefix(400)), name: "vanilla-train")
        say("\(vt)")
        let mined = try mineFailures(sampler, train, config: FailureMiningConfig(samples: 1))
        let failed = mined.failures
        say("failures \(failed.count) of \(train.count)")
        var gcfg = GRPOConfig(attempts: env("FRESH", 0) > 0 ? .fresh : .mined, steps: Int(env("STEPS", 200)), tasksPerStep: Int(env("PER", 8)), group: Int(env("G", 8)),
                              beta: env("BETA", 0.001), dynamicSampling: env("DYN", 0) > 0, evalEvery: Int(env("EVAL", 50)), seed: seed)
        gcfg.optimizer = OptimizerConfig(learningRate: env("LR", 1e-4), minLearningRateRatio: 1, weightDecay: 0)
        gcfg.attempt.temperature = env("AT", 1)
        gcfg.reflection.temperature = env("RT", 1)
        gcfg.retry.temperature = env("YT", 0)
        gcfg.attempt.maxTokens = 20; gcfg.reflection.maxTokens = 20; gcfg.retry.maxTokens = 20
        let policy = try model.copied()
        let trainer = try GRPOTrainer(policy: policy, reference: model, tasks: failed, config: gcfg, format: format, evalTasks: test)
        try trainer.run(onStep: { rec in
            if rec.step % Int(self.env("PRINT", 20)) == 0 {
                say("step \(rec.step) " + rec.values.filter { ["reward", "frac_reward_zero_std", "first_try", "kl", "entropy", "loss", "reflection/mean_length", "step_time", "grad_norm", "eval/first_try", "eval/second_try", "groups"].contains($0.0) }.map { "\($0.0)=\(String(format: "%.3f", $0.1))" }.joined(separator: " "))
            }
        })
        let tr = try evaluate(EpisodeSampler(model: policy, format: format), test, name: "trained")
        say("\(v) | \(tr) refl len \(tr.meanReflectionLength)")
        // show a few
        let a = try sampler.attempts(Array(test.prefix(5)), sampling: TurnSampling(), seed: 0)
        let rf = try sampler.reflections(Array(test.prefix(5)), after: a, sampling: TurnSampling(), seed: 0)
        let rt = try sampler.retries(Array(test.prefix(5)), after: rf, sampling: TurnSampling(), seed: 0)
        for i in 0..<5 { say("\(test[i]) | \(a[i].text) \(a[i].passed) | \(rf[i].text) | \(rt[i].text) \(rt[i].passed)") }
    }
}
