import Foundation
import XCTest
@testable import R3Models

/// r3's model against transformers' own numbers (fixtures from scripts/fixtures/model_fixtures.py).
final class ParityTests: XCTestCase {
    /// Max |a - b| over the rows whose mask is 1 (rows of `width` values).
    private func maxDiff(_ a: [Float], _ b: [Float], mask: [Int], width: Int) -> Float {
        var m: Float = 0
        for (r, keep) in mask.enumerated() where keep != 0 {
            for i in 0..<width { m = max(m, abs(a[r * width + i] - b[r * width + i])) }
        }
        return m
    }

    private func checkLogits(folder: String, parity: String, expected: String) throws {
        let model = try LanguageModel.load(Fixture.path(folder))
        let data = try Fixture.json("parity_\(parity).json")
        let st = try SafetensorsFile(path: Fixture.path("parity_\(expected).safetensors"))
        for (bi, bAny) in (data["batches"] as! [Any]).enumerated() {
            let b = bAny as! [String: Any]
            let ids = intRows(b["input_ids"]), mask = intRows(b["attention_mask"])
            let logits = try model.logits(try TokenBatch(tokens: ids, attentionMask: mask))
            let want = try st.floats("logits_\(bi)")
            XCTAssertEqual(logits.count, want.count)
            let d = maxDiff(logits, want, mask: mask.flatMap { $0 }, width: model.config.vocabSize)
            XCTAssertLessThanOrEqual(d, 1e-4, "\(folder) batch \(bi) (left padding: \(b["left_padding"]!)): max |diff| \(d)")
        }
    }

    func testLlamaLogits() throws { try checkLogits(folder: "llama_tiny", parity: "llama_tiny", expected: "llama_tiny") }
    func testQwen2Logits() throws { try checkLogits(folder: "qwen2_tiny", parity: "qwen2_tiny", expected: "qwen2_tiny") }
    func testF16Logits() throws { try checkLogits(folder: "qwen2_tiny_f16", parity: "qwen2_tiny", expected: "qwen2_tiny_f16") }
    func testShardedBF16Logits() throws {
        try checkLogits(folder: "llama_tiny_bf16_sharded", parity: "llama_tiny", expected: "llama_tiny_bf16_sharded")
    }

    /// The SFT loss and the gradients of several parameters match torch's autograd.
    private func checkGradients(_ name: String) throws {
        let model = try LanguageModel.load(Fixture.path(name))
        let sft = (try Fixture.json("parity_\(name).json"))["sft"] as! [String: Any]
        let st = try SafetensorsFile(path: Fixture.path("parity_\(name).safetensors"))
        let ids = intRows(sft["input_ids"]), mask = intRows(sft["attention_mask"]), lossMask = intRows(sft["loss_mask"])
        let batch = try TokenBatch(tokens: ids, attentionMask: mask)
        let out = try model.forwardForTraining(batch, targets: batch.nextTokenTargets)
        // position t predicts token t+1; the loss counts the targets that are completion tokens
        let T = batch.length
        var weights = [Float](repeating: 0, count: ids.count * T)
        for b in 0..<ids.count { for t in 0..<(T - 1) where lossMask[b][t + 1] == 1 { weights[b * T + t] = 1 } }
        let count = weights.reduce(0, +)
        let loss = -zip(out.logprobs, weights).map { $0 * $1 }.reduce(0, +) / count
        XCTAssertEqual(Double(loss), (sft["loss"] as! NSNumber).doubleValue, accuracy: 1e-4)
        model.zeroGradients()
        try model.backward(dLogprobs: weights.map { -$0 / count })
        for case let g as String in sft["grads"] as! [Any] {
            let want = try st.floats("grad." + g)
            let got = try XCTUnwrap(model.gradient(g), g)
            let scale = want.map(abs).max()!
            let d = zip(got, want).map { abs($0 - $1) }.max()!
            XCTAssertLessThanOrEqual(d, 1e-4 * max(scale, 1e-2), "\(name) \(g): max |diff| \(d), max |grad| \(scale)")
        }
    }

    func testLlamaGradients() throws { try checkGradients("llama_tiny") }
    func testQwen2Gradients() throws { try checkGradients("qwen2_tiny") }
}

final class EntropyTests: XCTestCase {
    /// The per-position entropy of the forward equals -sum p log p of the softmax of the logits,
    /// and the training and inference paths give the same log-probs.
    func testEntropyAndPathsAgree() throws {
        let model = try LanguageModel.load(Fixture.path("qwen2_tiny"))
        let batch = try TokenBatch(sequences: [[5, 9, 13, 40, 2], [7, 8]], padding: .left, padToken: 0)
        let targets = batch.nextTokenTargets
        let train = try model.forwardForTraining(batch, targets: targets, entropy: true)
        let infer = try model.logprobs(batch, targets: targets, entropy: true)
        XCTAssertEqual(train.logprobs, infer.logprobs)
        let logits = try model.logits(batch)
        let V = model.config.vocabSize
        for n in 0..<targets.count {
            let row = logits[(n * V)..<((n + 1) * V)].map(Double.init)
            let m = row.max()!
            let z = m + log(row.map { exp($0 - m) }.reduce(0, +))
            let h = -row.map { exp($0 - z) * ($0 - z) }.reduce(0, +)
            if batch.segments[n] == 0 {
                XCTAssertEqual(train.entropy![n], 0)
                continue
            }
            XCTAssertEqual(Double(train.entropy![n]), h, accuracy: 1e-4)
            if targets[n] >= 0 { XCTAssertEqual(Double(train.logprobs[n]), row[Int(targets[n])] - z, accuracy: 1e-4) }
        }
    }
}
