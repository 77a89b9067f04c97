import Foundation
import R3Models
import R3Script

/// A tokenizer in the language (`tokenizer.chars(alphabet)`, `tokenizer.load(path)`, `model.tokenizer`).
///
/// - properties: `vocabSize` (also `count`), `eos`, `bos`, `pad` (token ids or nil), `kind`
///   ("chars" or "bpe"), `alphabet` (a string, or nil for BPE), `chatFormat` ("chatml", "llama3" or nil);
/// - methods: `encode(text, special: false)`, `decode(ids, skipSpecial: false)`,
///   `chat(messages, generationPrompt: true, format: nil)`.
///
/// Prints as `Tokenizer(chars, 15 tokens)`.
final class TokenizerObject: NativeObject {
    let tokenizer: Tokenizer

    init(_ tokenizer: Tokenizer) {
        self.tokenizer = tokenizer
    }

    override var typeName: String { "Tokenizer" }

    override var description: String {
        let kind = tokenizer.alphabet != nil ? "chars" : "byte-level BPE"
        return "Tokenizer(\(kind), \(tokenizer.vocabSize) tokens\(tokenizer.chatFormat.map { ", chat format \($0.rawValue)" } ?? ""))"
    }

    static let propertyNames = ["vocabSize", "count", "eos", "bos", "pad", "kind", "alphabet", "chatFormat"]
    override var memberNames: [String] { Self.propertyNames + Array(Self.methodTable.keys) }
    override var methods: [String: Builtin] { Self.methodTable }
    override var count: Int? { tokenizer.vocabSize }

    override func property(_ name: String) throws -> Value? {
        let id = { (i: Int?) in i.map { Value.number(Double($0)) } ?? .null }
        switch name {
        case "vocabSize", "count": return .number(Double(tokenizer.vocabSize))
        case "eos": return id(tokenizer.eosTokenId)
        case "bos": return id(tokenizer.bosTokenId)
        case "pad": return id(tokenizer.padTokenId)
        case "kind": return .string(tokenizer.alphabet != nil ? "chars" : "bpe")
        case "alphabet": return tokenizer.alphabet.map { .string(String(String.UnicodeScalarView($0))) } ?? .null
        case "chatFormat": return tokenizer.chatFormat.map { .string($0.rawValue) } ?? .null
        default: return nil
        }
    }

    override func isEqual(to other: NativeObject) -> Bool { (other as? TokenizerObject)?.tokenizer === tokenizer }

    static let methodList: [Builtin] = [
        Builtin("encode(text, special = false)", owner: "Tokenizer",
                doc: "The token ids of `text` (a list of numbers). Special tokens written in the text (<|endoftext|>, <|im_start|> ...) are recognised. special: true also applies the tokenizer's template (e.g. Llama-3's <|begin_of_text|>), as sample and fit encode prompts. A character outside a chars tokenizer's alphabet is an error naming it and its offset.") { a in
            let t = a.receiver(as: TokenizerObject.self).tokenizer
            let text = try a.string("text"), special = try a.bool("special")
            return ModelValues.ids(try ModelValues.run(a) { try t.encode(text, addSpecialTokens: special) })
        },
        Builtin("decode(ids, skipSpecial = false)", owner: "Tokenizer",
                doc: "The text of a list of token ids; decode(encode(s)) == s. Byte-level tokens are joined as bytes (a cut multi-byte character becomes U+FFFD). skipSpecial: true leaves out special tokens such as the eos. An id outside the vocabulary is an error.") { a in
            let t = a.receiver(as: TokenizerObject.self).tokenizer
            let ids = try ModelValues.tokenIds(a, "ids", vocabSize: t.vocabSize)
            return .string(t.decode(ids, skipSpecialTokens: try a.bool("skipSpecial")))
        },
        Builtin("chat(messages, generationPrompt = true, format = nil)", owner: "Tokenizer",
                doc: "A conversation as text in the tokenizer's chat format (ChatML for Qwen, Llama-3's headers), from a list of [\"role\": ..., \"content\": ...] dictionaries; generationPrompt: true appends the assistant header so a model continues as the assistant. The special tokens in the text are recognised by encode and sample. format: \"chatml\" or \"llama3\" overrides the tokenizer's own format; without it, a tokenizer with no chat format (chars, or no chat_template in tokenizer_config.json) is an error.") { a in
            let t = a.receiver(as: TokenizerObject.self).tokenizer
            let messages = try a.list("messages").enumerated().map { i, v -> ChatMessage in
                guard case .dict(let d) = v, case .string(let role)? = d["role"], case .string(let content)? = d["content"] else {
                    throw a.error("argument 'messages' must be a list of [\"role\": ..., \"content\": ...] dictionaries of strings; item \(i) is \(Formatter.repr(v))")
                }
                return ChatMessage(role: role, content: content)
            }
            let prompt = try a.bool("generationPrompt")
            var format: ChatFormat?
            if a.isGiven("format") {
                guard let f = ChatFormat(rawValue: try a.string("format")) else {
                    throw a.error("argument 'format' must be \"chatml\" or \"llama3\", got \(Formatter.repr(a["format"]))")
                }
                format = f
            }
            return .string(try ModelValues.run(a) { try t.formatChat(messages, addGenerationPrompt: prompt, format: format) })
        },
    ]
    static let methodTable: [String: Builtin] = Dictionary(uniqueKeysWithValues: methodList.map { ($0.shortName, $0) })
}

/// A language model in the language (`gpt(...)`, `llama(...)`, `load(path)`): a reference to one
/// R3Models `LanguageModel`, trained in place by `fit`. Other bindings (GRPO) read `model`.
///
/// - properties: `summary` (sizes and counts, several lines), `parameters` (count), `layers`,
///   `dim`, `heads`, `kvHeads`, `context`, `vocabSize`, `family`, `tokenizer`, `config` (the
///   config.json keys as a dictionary);
/// - methods: `copy()` (independent weights), `save(path)`.
///
/// Prints as `Model(llama, 0.82M parameters: 4 layers, dim 128, 4 heads, context 256, vocab 15)`.
final class ModelObject: NativeObject {
    let model: LanguageModel

    init(_ model: LanguageModel) {
        self.model = model
    }

    override var typeName: String { "Model" }

    override var description: String {
        let c = model.config, n = Double(model.parameterCount)
        let count = n >= 1e6 ? String(format: "%.2fM", n / 1e6) : n >= 1e3 ? String(format: "%.1fK", n / 1e3) : "\(model.parameterCount)"
        return "Model(\(c.family.rawValue), \(count) parameters: \(c.numLayers) layer\(c.numLayers == 1 ? "" : "s"), dim \(c.hiddenSize), "
            + "\(c.numHeads) head\(c.numHeads == 1 ? "" : "s"), context \(c.maxPositions), vocab \(c.vocabSize))"
    }

    static let propertyNames = ["summary", "parameters", "layers", "dim", "heads", "kvHeads", "context", "vocabSize",
                                "family", "tokenizer", "config"]
    override var memberNames: [String] { Self.propertyNames + Array(Self.methodTable.keys) }
    override var methods: [String: Builtin] { Self.methodTable }

    override func property(_ name: String) throws -> Value? {
        let c = model.config
        switch name {
        case "summary": return .string(model.summary)
        case "parameters": return .number(Double(model.parameterCount))
        case "layers": return .number(Double(c.numLayers))
        case "dim": return .number(Double(c.hiddenSize))
        case "heads": return .number(Double(c.numHeads))
        case "kvHeads": return .number(Double(c.numKVHeads))
        case "context": return .number(Double(c.maxPositions))
        case "vocabSize": return .number(Double(c.vocabSize))
        case "family": return .string(c.family.rawValue)
        case "tokenizer": return .native(TokenizerObject(model.tokenizer))
        case "config": return ModelValues.config(model)
        default: return nil
        }
    }

    static let methodList: [Builtin] = [
        Builtin("copy()", owner: "Model",
                doc: "An independent copy of the model: same config, tokenizer and stop tokens, its own weights. Training the copy leaves the original unchanged (a frozen reference, or a checkpoint kept in memory).") { a in
            let m = a.receiver(as: ModelObject.self).model
            return .native(ModelObject(try ModelValues.run(a) { try m.copied() }))
        },
        Builtin("save(path)", owner: "Model",
                doc: "The same as save(model, path): writes the model as a Hugging Face folder (config.json, model.safetensors, tokenizer files) atomically; load(path) and transformers read it back.") { a in
            try ModelLibrary.save(a.receiver(as: ModelObject.self).model, a)
        },
    ]
    static let methodTable: [String: Builtin] = Dictionary(uniqueKeysWithValues: methodList.map { ($0.shortName, $0) })
}
