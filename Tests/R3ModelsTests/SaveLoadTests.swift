import Foundation
import XCTest
@testable import R3Models

/// save -> load round trips, and the folders handed to transformers by
/// `scripts/fixtures/model_fixtures.py check-load` (set R3_EXPORT_DIR to keep them).
final class SaveLoadTests: XCTestCase {
    /// A character-tokenizer model trained from scratch for a few steps, and a loaded Qwen2 model.
    private func models() throws -> [(String, LanguageModel)] {
        let tok = try Tokenizer.chars("abcdefghijklmnopqrstuvwxyz ,.!?+=0123456789\n")
        tok.chatFormat = nil
        let scratch = try LanguageModel(config: ModelConfig(vocabSize: tok.vocabSize, hiddenSize: 32, numLayers: 2, numHeads: 4,
                                                            numKVHeads: 2, maxPositions: 64, ropeTheta: 20000),
                                        tokenizer: tok, seed: 4)
        try fit(scratch, [Example(prompt: "hello ", completion: "world!"), Example(prompt: "1+1=", completion: "2")],
                config: FitConfig(steps: 5, batchSize: 2))
        return [("chars_llama", scratch), ("qwen2", try LanguageModel.load(Fixture.path("qwen2_tiny")))]
    }

    func testRoundTripAndExportForTransformers() throws {
        let export = ProcessInfo.processInfo.environment["R3_EXPORT_DIR"].map { URL(fileURLWithPath: $0) }
        let dir = try export ?? Fixture.temporaryFolder(self)
        for (name, model) in try models() {
            let folder = dir.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: folder)  // an earlier export holds r3_check.json, which save would not replace
            try model.save(to: folder.path)
            let back = try LanguageModel.load(folder.path)
            XCTAssertEqual(back.config.hiddenSize, model.config.hiddenSize)
            XCTAssertEqual(back.config.ropeTheta, model.config.ropeTheta)
            XCTAssertEqual(back.config.tieWordEmbeddings, model.config.tieWordEmbeddings)
            XCTAssertEqual(back.params.array, model.params.array)
            XCTAssertEqual(back.tokenizer.eosTokenId, model.tokenizer.eosTokenId)
            let texts = ["hello world, 42!", "abc\nxyz"]
            for t in texts { XCTAssertEqual(try back.tokenizer.encode(t), try model.tokenizer.encode(t)) }
            // what transformers must reproduce: r3's logits on a left-padded batch, and the token ids
            let seqs = try texts.map { try model.tokenizer.encode($0) }
            let batch = try TokenBatch(sequences: seqs, padding: .left, padToken: model.tokenizer.padTokenId ?? 0)
            let logits = try back.logits(batch)
            let T = batch.length, V = model.config.vocabSize
            let rows: [[[Double]]] = (0..<seqs.count).map { b in (0..<T).map { t in (0..<V).map { Double(logits[(b * T + t) * V + $0]) } } }
            let check: [String: Any] = [
                "input_ids": (0..<seqs.count).map { b in (0..<T).map { Int(batch.tokens[b * T + $0]) } },
                "attention_mask": (0..<seqs.count).map { b in (0..<T).map { batch.segments[b * T + $0] != 0 ? 1 : 0 } },
                "logits": rows,
                "tokenizer_cases": zip(texts, seqs).map { ["text": $0, "ids": $1] as [String: Any] },
            ]
            try JSONSerialization.data(withJSONObject: check).write(to: folder.appendingPathComponent("r3_check.json"))
        }
    }

    /// Weights that are not finite make a damaged checkpoint: loading it is an error naming the
    /// file, the tensor and the first bad value, not a model that samples NaN log-probs.
    func testNonFiniteWeightsAreALoadError() throws {
        let model = try models()[0].1
        model.params.pointer[model.params.count - 2] = .nan
        model.params.pointer[model.params.count - 1] = .infinity
        let folder = try Fixture.temporaryFolder(self).appendingPathComponent("damaged")
        try model.save(to: folder.path)
        assertThrowsMessage(try LanguageModel.load(folder.path),
                            contains: ["damaged/model.safetensors: tensor 'model.norm.weight' holds 2 non-finite values (first: nan at index 30)"])
    }
}
