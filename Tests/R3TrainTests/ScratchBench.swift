import Foundation
import XCTest
import R3Models
import R3Random
import R3Tasks
@testable import R3Train

final class ScratchBench: XCTestCase {
    func testBenchPieces() throws {
        guard ProcessInfo.processInfo.environment["R3_EXPERIMENT"] != nil else { return }
        let tokenizer = try Tokenizer.chars(GRPOBenchmark.characters)
        let config = ModelConfig(vocabSize: tokenizer.vocabSize, hiddenSize: 128, intermediateSize: 352, numLayers: 4, numHeads: 4, maxPositions: 256)
        let model = try LanguageModel(config: config, tokenizer: tokenizer, seed: 0)
        let prompts = (0..<32).map { _ in Array(repeating: 5, count: 35) }
        func time(_ name: String, _ f: () throws -> Void) rethrows {
            let t0 = Date(); try f(); print("PIECE \(name) \(Date().timeIntervalSince(t0))")
        }
        for _ in 0..<3 {
            var gens: [Generation] = []
            try time("sample") { gens = try sample(model, promptTokens: prompts, config: SamplingConfig(maxNewTokens: 32, stopAtEOS: false)) }
            let seqs = zip(prompts, gens).map { $0 + $1.tokens }
            let batch = try TokenBatch(sequences: seqs)
            try time("ref logprobs") { _ = try model.logprobs(batch, targets: batch.nextTokenTargets) }
            try time("forward") { _ = try model.forwardForTraining(batch, targets: batch.nextTokenTargets, entropy: true) }
            model.zeroGradients()
            try time("backward") { try model.backward(dLogprobs: [Float](repeating: 0.01, count: batch.tokens.count)) }
        }
    }
}
