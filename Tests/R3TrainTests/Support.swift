import Foundation
import XCTest
import R3Models
import R3Random
import R3Tasks
@testable import R3Train

/// Small models and helpers shared by the R3Train tests.
enum TrainFixture {
    /// The fixture folders of R3ModelsTests (tiny random Llama and Qwen2 models with chat templates),
    /// read from the source tree.
    static func modelFolder(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("R3ModelsTests/Fixtures/\(name)").path
    }

    /// A random character-level model for Countdown in the compact format (untrained: its answers
    /// are arbitrary but every code path runs).
    static func countdownModel(seed: UInt64 = 1, context: Int = 64) throws -> LanguageModel {
        let tokenizer = try Tokenizer.chars(countdownAlphabet)
        let config = ModelConfig(vocabSize: tokenizer.vocabSize, hiddenSize: 32, numLayers: 2, numHeads: 2, maxPositions: context)
        return try LanguageModel(config: config, tokenizer: tokenizer, seed: seed)
    }

    static func countdownTasks(_ count: Int, seed: UInt64 = 1) throws -> [AnyTask] {
        try CountdownGenerator.generate(CountdownGeneratorConfig(count: count, seed: seed, numbers: 3...3, numberRange: 1...20))
            .map(AnyTask.countdown)
    }

    /// A temporary folder removed at the end of the test.
    static func temporaryFolder(_ test: XCTestCase) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("r3train-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    /// A trainer on a random Countdown model with mined failures (every attempt of a random model fails).
    static func trainer(_ config: GRPOConfig, seed: UInt64 = 1, verifier: Verifier? = nil) throws -> GRPOTrainer {
        let model = try countdownModel(seed: seed)
        let format = EpisodeFormat(for: model)
        let tasks = try countdownTasks(24)
        let mined = try mineFailures(EpisodeSampler(model: model, format: format, verifier: verifier), tasks,
                                     config: FailureMiningConfig(sampling: TurnSampling(maxTokens: 12)))
        return try GRPOTrainer(policy: try model.copied(), reference: config.beta > 0 ? model : nil, tasks: mined.failures,
                               config: config, format: format, verifier: verifier)
    }

    /// Short turns for fast tests.
    static func quick(_ c: GRPOConfig) -> GRPOConfig {
        var c = c
        c.attempt.maxTokens = 12
        c.reflection.maxTokens = 12
        c.retry.maxTokens = 12
        return c
    }
}

/// Asserts that `body` throws an error whose description contains every one of `parts`.
func assertThrows<T>(_ body: @autoclosure () throws -> T, contains parts: [String], file: StaticString = #filePath, line: UInt = #line) {
    do {
        _ = try body()
        XCTFail("expected an error containing \(parts)", file: file, line: line)
    } catch {
        for p in parts where !"\(error)".contains(p) { XCTFail("\"\(error)\" does not contain \"\(p)\"", file: file, line: line) }
    }
}
