import Foundation
import XCTest
@testable import R3Models

final class ConfigTests: XCTestCase {
    private let base: [String: Any] = [
        "model_type": "llama", "vocab_size": 100, "hidden_size": 64, "intermediate_size": 128,
        "num_hidden_layers": 2, "num_attention_heads": 4, "num_key_value_heads": 2,
    ]

    private func parse(_ j: [String: Any]) throws -> ModelConfig {
        try ModelConfig(huggingFaceJSON: try JSONSerialization.data(withJSONObject: j), source: "m/config.json")
    }

    func testReadsKeysAndDefaults() throws {
        var j = base
        j["rope_parameters"] = ["rope_type": "default", "rope_theta": 5e5]
        j["eos_token_id"] = [3, 4]
        let c = try parse(j)
        XCTAssertEqual(c.ropeTheta, 5e5)
        XCTAssertEqual(c.headDim, 16)
        XCTAssertEqual(c.numKVHeads, 2)
        XCTAssertEqual(c.eosTokenIds, [3, 4])
        XCTAssertFalse(c.tieWordEmbeddings)
        XCTAssertEqual(try parse(c.huggingFaceJSON()), c)
        j["model_type"] = "qwen2"
        XCTAssertTrue(try parse(j).attentionBias)
    }

    func testErrorsNameTheKey() {
        var j = base
        j.removeValue(forKey: "hidden_size")
        assertThrowsMessage(try parse(j), contains: ["m/config.json", "missing key \"hidden_size\""])
        j = base
        j["hidden_size"] = 65
        assertThrowsMessage(try parse(j), contains: ["hidden_size (65) is not divisible by num_attention_heads (4)"])
        j = base
        j["num_key_value_heads"] = 3
        assertThrowsMessage(try parse(j), contains: ["num_attention_heads (4) is not divisible by num_key_value_heads (3)"])
        j = base
        j["model_type"] = "mistral"
        assertThrowsMessage(try parse(j), contains: ["unsupported model_type 'mistral'"])
        j = base
        j["hidden_act"] = "gelu"
        assertThrowsMessage(try parse(j), contains: ["unsupported hidden_act 'gelu'"])
        j = base
        j["rope_scaling"] = ["rope_type": "yarn", "factor": 4.0]
        assertThrowsMessage(try parse(j), contains: ["unsupported rope scaling type 'yarn'"])
        j = base
        j["vocab_size"] = "many"
        assertThrowsMessage(try parse(j), contains: ["\"vocab_size\" must be an integer"])
        assertThrowsMessage(try ModelConfig(numHeads: 3).validate(), contains: ["hidden_size (128) is not divisible by num_attention_heads (3)"])
        assertThrowsMessage(try ModelConfig(hiddenSize: 64, numHeads: 4, numKVHeads: 3).validate(),
                            contains: ["not divisible by num_key_value_heads"])
    }

    func testLoadErrorsNameTheFolderAndTensor() throws {
        let dir = try Fixture.temporaryFolder(self)
        assertThrowsMessage(try LanguageModel.load(dir.path), contains: [dir.path, "no config.json"])
        let src = Fixture.root.appendingPathComponent("qwen2_tiny")
        for f in ["config.json", "tokenizer.json", "tokenizer_config.json"] {
            try FileManager.default.copyItem(at: src.appendingPathComponent(f), to: dir.appendingPathComponent(f))
        }
        assertThrowsMessage(try LanguageModel.load(dir.path), contains: ["no model.safetensors"])
        // a model file that lacks a tensor
        let values: [Float] = [1]
        try values.withUnsafeBufferPointer {
            try SafetensorsWriter.write([.init(name: "model.norm.weight", shape: [1], values: $0)], to: dir.appendingPathComponent("model.safetensors"))
        }
        assertThrowsMessage(try LanguageModel.load(dir.path), contains: ["tensor 'model.embed_tokens.weight' is missing"])
        var cfg = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("config.json"))) as! [String: Any]
        cfg["model_type"] = "gpt2"
        try JSONSerialization.data(withJSONObject: cfg).write(to: dir.appendingPathComponent("config.json"))
        assertThrowsMessage(try LanguageModel.load(dir.path), contains: ["config.json", "unsupported model_type 'gpt2'"])
    }

    func testSummary() throws {
        let m = try LanguageModel.load(Fixture.path("qwen2_tiny"))
        XCTAssertTrue(m.summary.contains("Qwen2 model"))
        XCTAssertTrue(m.summary.contains("layers 2, dim 64, heads 4 (kv 2, head dim 16)"))
        XCTAssertEqual(m.parameterCount, m.parameterShapes.map { $0.shape.reduce(1, *) }.reduce(0, +))
    }
}
