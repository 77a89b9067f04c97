import Foundation
import XCTest
@testable import R3Models

final class TokenizerTests: XCTestCase {
    /// Every tricky string of the fixture, in each of the three styles, gives transformers' ids and decodings.
    func testByteLevelBPEMatchesHuggingFace() throws {
        let cases = try Fixture.json("tokenizer_cases.json")
        for style in ["qwen2", "llama3", "gpt2"] {
            let tok = try Tokenizer.load(Fixture.path("tokenizers/\(style)_style"))
            for case let c as [String: Any] in cases[style] as! [Any] {
                let text = c["text"] as! String
                XCTAssertEqual(try tok.encode(text), ints(c["ids"]), "\(style): \(text.debugDescription)")
                XCTAssertEqual(try tok.encode(text, addSpecialTokens: true), ints(c["ids_with_special"]), "\(style) special: \(text.debugDescription)")
                XCTAssertEqual(tok.decode(ints(c["ids"])), c["decoded"] as? String, "\(style) decode: \(text.debugDescription)")
                XCTAssertEqual(tok.decode(ints(c["ids"]), skipSpecialTokens: true), c["decoded_skip_special"] as? String)
            }
        }
    }

    func testRoundTripAndSpecialTokens() throws {
        let tok = try Tokenizer.load(Fixture.path("tokenizers/qwen2_style"))
        let text = "Round trip: \u{1F600} caf\u{E9}\n\n  x<|im_end|>"
        XCTAssertEqual(tok.decode(try tok.encode(text)), text)
        XCTAssertEqual(tok.eosTokenId, tok.id(for: "<|im_end|>"))
        XCTAssertEqual(tok.padTokenId, tok.id(for: "<|endoftext|>"))
        XCTAssertEqual(tok.chatFormat, .chatml)
        XCTAssertTrue(tok.isSpecial(tok.id(for: "<|im_start|>")!))
        XCTAssertEqual(try tok.encode("<|im_start|>").count, 1)
        let llama = try Tokenizer.load(Fixture.path("tokenizers/llama3_style"))
        XCTAssertEqual(llama.chatFormat, .llama3)
        XCTAssertEqual(llama.eosTokenId, llama.id(for: "<|eot_id|>"))
    }

    func testChatFormats() throws {
        let msgs = [ChatMessage(role: "system", content: "Be brief."), ChatMessage(role: "user", content: "Hi")]
        XCTAssertEqual(ChatFormat.chatml.format(msgs),
                       "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n")
        XCTAssertEqual(ChatFormat.llama3.format(msgs, addGenerationPrompt: false),
                       "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>")
        XCTAssertTrue(ChatFormat.llama3.format(msgs).hasSuffix("<|start_header_id|>assistant<|end_header_id|>\n\n"))
        let tok = try Tokenizer.load(Fixture.path("tokenizers/qwen2_style"))
        let ids = try tok.encode(try tok.formatChat(msgs))
        XCTAssertEqual(ids.first, tok.id(for: "<|im_start|>"))
        let gpt2 = try Tokenizer.load(Fixture.path("tokenizers/gpt2_style"))
        assertThrowsMessage(try gpt2.formatChat(msgs), contains: ["no chat format"])
    }

    func testUnsupportedModelTypesAreNamed() {
        for type in ["Unigram", "WordPiece", "WordLevel"] {
            let json = #"{"model": {"type": "\#(type)", "vocab": {}}}"#
            assertThrowsMessage(try Tokenizer(huggingFaceJSON: Data(json.utf8), source: "x/tokenizer.json"),
                                contains: ["x/tokenizer.json", "unsupported tokenizer model type '\(type)'"])
        }
        let badRegex = #"{"model": {"type": "BPE", "vocab": {}, "merges": []}, "pre_tokenizer": {"type": "Split", "pattern": {"Regex": "\\w+"}, "behavior": "Isolated"}}"#
        assertThrowsMessage(try Tokenizer(huggingFaceJSON: Data(badRegex.utf8)), contains: ["unsupported pre-tokenizer regex"])
        let badNorm = #"{"model": {"type": "BPE", "vocab": {}, "merges": []}, "normalizer": {"type": "Lowercase"}}"#
        assertThrowsMessage(try Tokenizer(huggingFaceJSON: Data(badNorm.utf8)), contains: ["unsupported normalizer 'Lowercase'"])
        assertThrowsMessage(try Tokenizer(huggingFaceJSON: Data("{".utf8), source: "t.json"), contains: ["t.json", "not valid JSON"])
    }

    func testCharacterTokenizer() throws {
        let tok = try Tokenizer.chars("abc +=\n")
        XCTAssertEqual(tok.vocabSize, 8)
        XCTAssertEqual(try tok.encode("a+b\n"), [0, 4, 1, 6])
        XCTAssertEqual(try tok.encode("ab<|endoftext|>"), [0, 1, 7])
        XCTAssertEqual(tok.eosTokenId, 7)
        XCTAssertEqual(tok.decode([2, 3, 5, 7]), "c =<|endoftext|>")
        XCTAssertEqual(tok.decode([2, 7], skipSpecialTokens: true), "c")
        assertThrowsMessage(try tok.encode("ab\u{E9}"), contains: ["'\u{E9}'", "U+E9", "offset 2", "not in the tokenizer's alphabet"])
        let lenient = try Tokenizer.chars("ab", unknown: .token("<unk>"))
        XCTAssertEqual(try lenient.encode("axb"), [0, 3, 1])
        XCTAssertEqual(lenient.decode([0, 3]), "a<unk>")
    }

    /// A character tokenizer written as tokenizer.json and read back keeps its ids and its errors.
    func testCharacterTokenizerJSONRoundTrip() throws {
        let tok = try Tokenizer.chars("xyz 0123\u{E9}")
        let back = try Tokenizer(huggingFaceJSON: try tok.huggingFaceJSON())
        XCTAssertEqual(try back.encode("x\u{E9}y 12<|endoftext|>"), try tok.encode("x\u{E9}y 12<|endoftext|>"))
        XCTAssertEqual(back.decode([0, 1, 3]), "xy ")
        assertThrowsMessage(try back.encode("q"), contains: ["not in the tokenizer's alphabet"])
    }
}
