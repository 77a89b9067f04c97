import Foundation
import R3Models
import R3Script

/// Binds R3Models into the language: the `tokenizer` namespace, the model constructors `gpt` and
/// `llama`, `load` and `save` of Hugging Face folders, `fit` (ModelTraining), `sample`, `generate`
/// and `logprobs` (ModelSampling). See docs/models.md, "In the language".
enum ModelLibrary {
    static func install(_ interp: Interpreter) {
        for b in functions + ModelTraining.functions + ModelSampling.functions { interp.define(b) }
        interp.define("tokenizer", .native(tokenizers))
        interp.registerHelp(TokenizerObject.methodList + ModelObject.methodList)
    }

    static let tokenizers: Namespace = {
        let ns = Namespace("tokenizer", doc: "Tokenizers: chars(alphabet) for models trained from scratch, load(path) for Hugging Face tokenizer.json files.")
        ns.add(Builtin("chars(alphabet, unknown = nil)", owner: "tokenizer",
                       doc: "A character tokenizer: one id per character of `alphabet` in order (duplicates dropped), then <|endoftext|> (the eos, also used for padding), then `unknown` when given (e.g. \"<unk>\"), which every character outside the alphabet becomes. Without it, text outside the alphabet is an error naming the character. tokenizer.chars(countdown.alphabet) fits Countdown's compact prompts.") { a in
            let alphabet = try a.string("alphabet")
            let unknown = try a.optionalString("unknown").map { Tokenizer.UnknownCharacter.token($0) } ?? .error
            return .native(TokenizerObject(try ModelValues.run(a) { try Tokenizer.chars(alphabet, unknown: unknown) }))
        })
        ns.add(Builtin("load(path)", owner: "tokenizer",
                       doc: "A byte-level BPE tokenizer from a Hugging Face tokenizer.json, given as the file or the folder holding it (GPT-2, Llama-3 and Qwen2 styles); tokenizer_config.json beside it gives the eos, bos, pad tokens and the chat format. Unsupported pieces are errors that name them.") { a in
            let path = try a.string("path")
            return .native(TokenizerObject(try ModelValues.run(a) { try Tokenizer.load(path) }))
        })
        return ns
    }()

    /// `gpt(...)` and `llama(...)`: one model constructor under two names.
    static func constructor(_ name: String) -> Builtin {
        Builtin("\(name)(vocab, layers = 4, dim = 128, heads = 4, kvHeads = nil, ffn = nil, context = 256, ropeTheta = 10000, tied = true, seed = 0)",
                doc: "A new Llama-architecture model with random weights (N(0, 0.02) matrices, as transformers initialises them; the same seed gives the same weights). vocab: a Tokenizer (its size is the vocabulary). layers: transformer blocks; dim: the residual width (divisible by heads); heads: attention heads (the head width dim / heads must be even); kvHeads: key/value heads for grouped-query attention (nil: as many as heads; must divide heads); ffn: the SwiGLU width (nil: 11/4 x dim rounded up to 32); context: the longest sequence in tokens; ropeTheta: the RoPE base; tied: the output head shares the token embedding. gpt and llama are the same function.") { a in
            let tok = try ModelValues.tokenizer(a, "vocab")
            let layers = try ModelValues.int(a, "layers", atLeast: 1), dim = try ModelValues.int(a, "dim", atLeast: 1)
            let heads = try ModelValues.int(a, "heads", atLeast: 1)
            let kvHeads = try ModelValues.optionalInt(a, "kvHeads", atLeast: 1) ?? heads
            let ffn = try ModelValues.optionalInt(a, "ffn", atLeast: 1), context = try ModelValues.int(a, "context", atLeast: 2)
            let theta = try ModelValues.number(a, "ropeTheta", in: Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude, "a positive number")
            guard dim % heads == 0 else { throw a.error("argument 'dim' (\(dim)) must be divisible by 'heads' (\(heads))") }
            guard (dim / heads) % 2 == 0 else {
                throw a.error("the head width dim / heads = \(dim / heads) must be even (rotary embeddings rotate pairs)")
            }
            guard heads % kvHeads == 0 else { throw a.error("argument 'heads' (\(heads)) must be divisible by 'kvHeads' (\(kvHeads))") }
            let config = ModelConfig(family: .llama, vocabSize: tok.vocabSize, hiddenSize: dim, intermediateSize: ffn, numLayers: layers,
                                     numHeads: heads, numKVHeads: kvHeads, maxPositions: context, ropeTheta: theta,
                                     tieWordEmbeddings: try a.bool("tied"))
            let floats = ModelValues.weightFloats(vocab: tok.vocabSize, dim: dim, layers: layers, heads: heads, kvHeads: kvHeads,
                                                  headDim: dim / heads, ffn: config.intermediateSize, context: context,
                                                  tied: config.tieWordEmbeddings)
            try ModelValues.checkMemory(a, floats: floats, "a model of \(String(format: "%.3g", floats)) weights")
            let seed = try TaskValues.seed(a)
            return .native(ModelObject(try ModelValues.run(a) { try LanguageModel(config: config, tokenizer: tok, seed: seed) }))
        }
    }

    /// `save(model, path)` and `model.save(path)`.
    static func save(_ model: LanguageModel, _ a: Arguments) throws -> Value {
        let path = try a.string("path")
        try ModelValues.run(a) { try model.save(to: path) }
        return .null
    }

    static let functions: [Builtin] = [
        constructor("gpt"),
        constructor("llama"),
        Builtin("load(path)",
                doc: "A Model from a Hugging Face folder: config.json (model_type llama or qwen2), model.safetensors (or shards with model.safetensors.index.json; F32, F16 or BF16 weights), tokenizer.json with tokenizer_config.json and generation_config.json. What save and transformers write loads here. Errors name the folder, file, key or tensor (a missing folder, a malformed config.json, an unsupported model_type ...).") { a in
            let path = try a.string("path")
            return .native(ModelObject(try ModelValues.run(a) { try LanguageModel.load(path) }))
        },
        Builtin("save(model, path)",
                doc: "Writes the model as a Hugging Face folder at `path`: config.json, generation_config.json, model.safetensors (F32, transformers' tensor names), tokenizer.json and tokenizer_config.json. Atomic: the files go into a temporary sibling folder that then replaces `path`, so an interrupted save leaves the previous folder intact. load(path) and transformers' AutoModelForCausalLM read it back with the same logits.") { a in
            try save(try ModelValues.model(a), a)
        },
    ]
}
