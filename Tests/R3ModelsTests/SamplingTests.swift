import Foundation
import XCTest
@testable import R3Models

final class SamplingTests: XCTestCase {
    /// Greedy generation (KV cache) gives transformers' greedy `generate` tokens, one prompt at a
    /// time and as one left-padded batch of prompts of different lengths.
    func testGreedyMatchesTransformers() throws {
        for name in ["llama_tiny", "qwen2_tiny"] {
            let model = try LanguageModel.load(Fixture.path(name))
            let cases = (try Fixture.json("parity_\(name).json"))["greedy"] as! [[String: Any]]
            let config = SamplingConfig(maxNewTokens: 12, temperature: 0, stopAtEOS: true)
            let prompts = cases.map { ints($0["prompt_ids"]) }
            let batched = try sample(model, promptTokens: prompts, config: config)
            for (i, c) in cases.enumerated() {
                let want = ints(c["output_ids"])
                XCTAssertEqual(try model.tokenizer.encode(c["prompt"] as! String), prompts[i])
                let single = try sample(model, promptTokens: [prompts[i]], config: config)[0]
                XCTAssertEqual(single.tokens, want, "\(name) prompt \(i)")
                XCTAssertEqual(batched[i].tokens, want, "\(name) batched prompt \(i)")
            }
        }
    }

    /// The log-probs returned with samples equal what a later forward pass computes for the same
    /// context (what GRPO's old log-probs need), for a batch of prompts of different lengths.
    func testSampledLogprobsEqualForwardLogprobs() throws {
        let model = try LanguageModel.load(Fixture.path("qwen2_tiny"))
        let prompts = ["Hello", "The quick brown fox", "def f():\n"]
        let gens = try sample(model, prompts: prompts, config: SamplingConfig(maxNewTokens: 20, temperature: 1.0, topK: 50, topP: 0.9, stopAtEOS: false, seed: 3))
        for g in gens {
            XCTAssertEqual(g.tokens.count, 20)
            let lp = try logprobs(model, promptTokens: g.promptTokens, continuationTokens: g.tokens)
            for (a, b) in zip(g.logprobs, lp) { XCTAssertEqual(a, b, accuracy: 1e-4) }
        }
        // and the string form of logprobs re-encodes the same tokens
        let text = try logprobs(model, prompt: "Hello", continuation: " world")
        XCTAssertEqual(text.count, try model.tokenizer.encode(" world").count)
        XCTAssertTrue(text.allSatisfy { $0 < 0 })
    }

    /// A batch that repeats prompts (a GRPO group: the prompt runs once, its copies share its keys
    /// and values) and whose sequences stop at different steps (finished ones leave the batch):
    /// every sequence's log-probs still equal a fresh forward pass over its own context, and the
    /// copies of one prompt sample different continuations.
    func testRepeatedPromptsAndEarlyStopsKeepEachSequenceExact() throws {
        let model = try LanguageModel.load(Fixture.path("qwen2_tiny"))
        model.stopTokenIds = Set(stride(from: 0, to: model.config.vocabSize, by: 8))  // about 1 token in 8 ends a sequence
        let prompts = ["Hello", "Hello", "The quick brown fox", "Hello", "The quick brown fox", "def f():\n"]
        let gens = try sample(model, prompts: prompts, config: SamplingConfig(maxNewTokens: 24, temperature: 1, seed: 9))
        XCTAssertGreaterThan(Set(gens.map(\.tokens.count)).count, 1, "sequences should stop at different steps")
        XCTAssertTrue(gens.contains { $0.finishReason == .eos })
        XCTAssertGreaterThan(Set([gens[0].tokens, gens[1].tokens, gens[3].tokens]).count, 1)
        for (i, g) in gens.enumerated() {
            let lp = try logprobs(model, promptTokens: g.promptTokens, continuationTokens: g.tokens)
            for (a, b) in zip(g.logprobs, lp) { XCTAssertEqual(a, b, accuracy: 1e-4, "sequence \(i)") }
        }
    }

    func testSeedsTemperatureAndFilters() throws {
        let model = try LanguageModel.load(Fixture.path("llama_tiny"))
        let c = SamplingConfig(maxNewTokens: 16, temperature: 1.0, stopAtEOS: false, seed: 11)
        let a = try sample(model, prompts: ["Hi", "Using"], config: c)
        XCTAssertEqual(a, try sample(model, prompts: ["Hi", "Using"], config: c))
        var other = c
        other.seed = 12
        XCTAssertNotEqual(a.map(\.tokens), try sample(model, prompts: ["Hi", "Using"], config: other).map(\.tokens))
        var k1 = c
        k1.topK = 1
        var greedy = c
        greedy.temperature = 0
        XCTAssertEqual(try sample(model, prompts: ["Hi"], config: k1)[0].tokens, try sample(model, prompts: ["Hi"], config: greedy)[0].tokens)
        // top-k 3: every sampled token is among the 3 most likely under the model
        var k3 = c
        k3.topK = 3
        let g = try sample(model, prompts: ["Hi"], config: k3)[0]
        for (i, tok) in g.tokens.enumerated() {
            let logits = try model.logits(try TokenBatch(sequences: [g.promptTokens + g.tokens.prefix(i)]))
            let V = model.config.vocabSize
            let row = Array(logits.suffix(V))
            let rank = row.filter { $0 > row[tok] }.count
            XCTAssertLessThan(rank, 3)
        }
    }

    func testStopStringsAndEOS() throws {
        let model = try LanguageModel.load(Fixture.path("qwen2_tiny"))
        let free = try sample(model, prompts: ["Hello"], config: SamplingConfig(maxNewTokens: 30, temperature: 0, stopAtEOS: false))[0]
        XCTAssertEqual(free.finishReason, .length)
        // stop at a piece of what greedy decoding produces
        let full = free.text
        let scalars = Array(full.unicodeScalars)
        guard scalars.count > 6 else { return XCTFail("greedy text too short: \(full.debugDescription)") }
        var stopView = String.UnicodeScalarView()
        stopView.append(contentsOf: scalars[4..<6])
        let stopString = String(stopView)
        let stopped = try sample(model, prompts: ["Hello"], config: SamplingConfig(maxNewTokens: 30, temperature: 0, stop: [stopString], stopAtEOS: false))[0]
        XCTAssertEqual(stopped.finishReason, .stop(stopString))
        XCTAssertFalse(stopped.text.contains(stopString))
        XCTAssertTrue(full.hasPrefix(stopped.text))
        XCTAssertEqual(stopped.tokens, Array(free.tokens.prefix(stopped.tokens.count)))
        // a token the model produces made the stop token ends with .eos and leaves the text without it
        let eosModel = try LanguageModel.load(Fixture.path("qwen2_tiny"))
        eosModel.stopTokenIds = [free.tokens[2]]
        let e = try sample(eosModel, prompts: ["Hello"], config: SamplingConfig(maxNewTokens: 30, temperature: 0))[0]
        XCTAssertEqual(e.finishReason, .eos)
        XCTAssertEqual(e.tokens, Array(free.tokens.prefix(3)))
        XCTAssertEqual(e.text, model.tokenizer.decode(Array(free.tokens.prefix(2))))
    }

    func testPromptLongerThanContextIsAnError() throws {
        let model = try LanguageModel.load(Fixture.path("qwen2_tiny"))
        let long = String(repeating: "word ", count: 200)
        assertThrowsMessage(try sample(model, prompts: [long]), contains: ["prompt 0 has", "context length 128"])
        assertThrowsMessage(try logprobs(model, prompt: long, continuation: "x"), contains: ["context length 128"])
        // near the end of the context, generation stops at the context length
        let ids = Array(repeating: 5, count: 125)
        let g = try sample(model, promptTokens: [ids], config: SamplingConfig(maxNewTokens: 10, stopAtEOS: false))[0]
        XCTAssertEqual(g.tokens.count, 3)
        XCTAssertEqual(g.finishReason, .length)
    }
}
