import Foundation
import R3Models
import R3Script
import R3Tasks
import R3Tensor

/// Conversions between the language's values and R3Models types, in one place: models and
/// tokenizers as arguments, token ids, supervised examples, generations, config.json, the memory
/// checks done before large allocations, and R3Models errors worded as the builtin's.
enum ModelValues {
    // MARK: - Arguments

    static func model(_ a: Arguments, _ name: String = "model") throws -> LanguageModel {
        try a.native(name, as: ModelObject.self, described: "a Model (from gpt(...), llama(...) or load(path))").model
    }

    static func tokenizer(_ a: Arguments, _ name: String) throws -> Tokenizer {
        try a.native(name, as: TokenizerObject.self, described: "a Tokenizer (from tokenizer.chars(alphabet) or tokenizer.load(path))").tokenizer
    }

    /// A whole-number argument that must be at least `minimum`.
    static func int(_ a: Arguments, _ name: String, atLeast minimum: Int) throws -> Int {
        let n = try a.int(name)
        guard n >= minimum else { throw a.error("argument '\(name)' must be at least \(minimum), got \(n)") }
        return n
    }

    static func optionalInt(_ a: Arguments, _ name: String, atLeast minimum: Int) throws -> Int? {
        a.isGiven(name) ? try int(a, name, atLeast: minimum) : nil
    }

    /// A finite number argument in `range`.
    static func number(_ a: Arguments, _ name: String, in range: ClosedRange<Double>, _ wording: String) throws -> Double {
        let x = try a.number(name)
        guard x.isFinite, range.contains(x) else { throw a.error("argument '\(name)' must be \(wording), got \(Formatter.number(x))") }
        return x
    }

    /// Token ids: a list of whole numbers in 0..<vocabSize.
    static func tokenIds(_ a: Arguments, _ name: String, vocabSize: Int) throws -> [Int] {
        try tokenIds(try a.list(name), "argument '\(name)'", vocabSize: vocabSize, a)
    }

    /// The items of a list as token ids; `what` names the list in the error.
    static func tokenIds(_ items: [Value], _ what: String, vocabSize: Int, _ a: Arguments) throws -> [Int] {
        try items.enumerated().map { i, v in
            guard case .number(let n) = v, n == n.rounded(), n >= 0, n < Double(vocabSize) else {
                throw a.error("\(what) must hold token ids (whole numbers from 0 to \(vocabSize - 1)); item \(i) is \(Formatter.repr(v))")
            }
            return Int(n)
        }
    }

    /// A list of strings, or one string for a list of one (`stop: "\n"`).
    static func strings(_ a: Arguments, _ name: String) throws -> [String] {
        if case .string(let s) = a[name] { return [s] }
        return try a.list(name).enumerated().map { i, v in
            guard case .string(let s) = v else { throw a.error("argument '\(name)' must be a list of strings; item \(i) is a \(v.typeName)") }
            return s
        }
    }

    /// Supervised examples: `["prompt": ..., "completion": ...]` dictionaries (what
    /// `Dataset.demonstrations()` returns) or plain strings (a completion with an empty prompt).
    static func examples(_ a: Arguments, _ name: String) throws -> [Example] {
        let wanted = "a list of [\"prompt\": ..., \"completion\": ...] dictionaries or strings"
        if case .native(let o as DatasetObject) = a[name] {
            throw a.error("argument '\(name)' must be \(wanted), got a \(o.typeName); use ds.demonstrations() for a dataset of tasks")
        }
        guard case .list(let list) = a[name] else { throw a.error("argument '\(name)' must be \(wanted), got \(a[name].typeName)") }
        return try list.items.enumerated().map { i, item in
            switch item {
            case .string(let s): return Example(prompt: "", completion: s)
            case .dict(let d):
                func field(_ key: String) throws -> String {
                    switch d[key] {
                    case .string(let s)?: return s
                    case nil: throw a.error("\(name)[\(i)] has no \"\(key)\"\(key == "prompt" ? " (give \"\" for none, or the completion as a plain string)" : "")")
                    case let v?: throw a.error("\(name)[\(i)][\"\(key)\"] must be a string, got \(v.typeName)")
                    }
                }
                return Example(prompt: try field("prompt"), completion: try field("completion"))
            default:
                throw a.error("\(name)[\(i)] must be a [\"prompt\": ..., \"completion\": ...] dictionary or a string, got \(item.typeName)")
            }
        }
    }

    // MARK: - Results

    static func ids(_ ids: [Int]) -> Value { .list(ListObject(ids.map { .number(Double($0)) })) }

    static func numbers(_ xs: [Float]) -> Value { .list(ListObject(xs.map { .number(TensorValues.number($0)) })) }

    static func string(_ r: Generation.FinishReason) -> String {
        switch r {
        case .eos: return "eos"
        case .stop: return "stop"
        case .length: return "length"
        }
    }

    /// One generation as `["text", "tokens", "logprobs", "finishReason", "promptTokens"]`.
    static func value(_ g: Generation) -> Value {
        .dict(DictObject([
            ("text", .string(g.text)), ("tokens", ids(g.tokens)), ("logprobs", numbers(g.logprobs)),
            ("finishReason", .string(string(g.finishReason))), ("promptTokens", ids(g.promptTokens)),
        ]))
    }

    /// The config.json that `save` writes, as a dictionary with its keys in alphabetical order.
    static func config(_ model: LanguageModel) -> Value {
        var c = model.config
        if c.eosTokenIds.isEmpty, let e = model.tokenizer.eosTokenId { c.eosTokenIds = [e] }
        if c.bosTokenId == nil { c.bosTokenId = model.tokenizer.bosTokenId }
        if c.padTokenId == nil { c.padTokenId = model.tokenizer.padTokenId }
        guard let data = try? JSONSerialization.data(withJSONObject: c.huggingFaceJSON(), options: [.sortedKeys]),
              let json = try? JSONParser.parse(String(decoding: data, as: UTF8.self)) else { return .null }
        return TaskValues.value(json)
    }

    // MARK: - Errors and memory

    /// Runs `body`, rewording R3Models errors as errors of the builtin (`fit(): the loss is not finite
    /// at step 4 ...`) and file errors with Foundation's sentence.
    static func run<T>(_ a: Arguments, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as ScriptError {
            throw e
        } catch let e as ModelError {
            var message = e.message
            if message.hasPrefix(a.function.shortName + ": ") { message.removeFirst(a.function.shortName.count + 2) }
            throw a.error(message)
        } catch {
            throw a.error(TaskValues.describe(error))
        }
    }

    /// Refuses an allocation of `floats` Float32 values over the tensor memory limit (half the RAM,
    /// or R3_MAX_TENSOR_BYTES), so that a typo such as `dim: 100000` is an error, not a machine
    /// brought down.
    static func checkMemory(_ a: Arguments, floats: Double, _ what: String) throws {
        let bytes = floats * 4, limit = Double(TensorMemory.limitBytes)
        guard bytes > limit else { return }
        throw a.error("\(what) would need \(human(bytes)), over the memory limit of \(human(limit)) (set R3_MAX_TENSOR_BYTES to change it)")
    }

    /// Floats of a model's weights and rotary tables, computed in Double so that absurd sizes
    /// cannot overflow.
    static func weightFloats(vocab: Int, dim: Int, layers: Int, heads: Int, kvHeads: Int, headDim: Int, ffn: Int,
                             context: Int, tied: Bool) -> Double {
        let (v, d, l, q, kv, f) = (Double(vocab), Double(dim), Double(layers), Double(heads * headDim),
                                    Double(kvHeads * headDim), Double(ffn))
        let perLayer = 2 * d + d * q + 2 * d * kv + q * d + 3 * d * f + q + 2 * kv
        return v * d * (tied ? 1 : 2) + l * perLayer + d + Double(context) * Double(headDim)
    }

    /// Floats of the activations `fit` keeps for a [batch, length] batch, plus gradients and AdamW moments.
    static func trainingFloats(_ c: ModelConfig, batch: Int, length: Int) -> Double {
        let n = Double(batch) * Double(length), d = Double(c.hiddenSize), f = Double(c.intermediateSize)
        let qkv = Double((c.numHeads + 2 * c.numKVHeads) * c.headDim), q = Double(c.numHeads * c.headDim)
        let perLayer = n * (5 * d + qkv + q + 3 * f + 2) + Double(batch) * Double(c.numHeads) * Double(length) * Double(length)
        let logits = min(n * Double(c.vocabSize), 16_777_216)
        return Double(c.numLayers) * perLayer + n * (3 * d + qkv + q + 3 * f) + logits + 3 * Double(c.parameterCount)
    }

    /// Floats of the KV cache of `batch` sequences of `length` tokens.
    static func cacheFloats(_ c: ModelConfig, batch: Int, length: Int) -> Double {
        2 * Double(c.numLayers) * Double(batch) * Double(length) * Double(c.numKVHeads * c.headDim)
    }

    private static func human(_ bytes: Double) -> String {
        bytes >= 1e9 ? String(format: "%.1f GB", bytes / 1e9) : String(format: "%.1f MB", bytes / 1e6)
    }
}
