import Foundation
import R3Models
import R3Script

/// `sample` (also `generate`) and `logprobs`.
enum ModelSampling {
    static let sampleSignature = "(model, prompt, maxTokens = 64, temperature = 1, topK = 0, topP = 1, stop = [], seed = 0, stopAtEOS = true)"

    static let functions: [Builtin] = [
        Builtin("sample" + sampleSignature,
                doc: "Generates a continuation of `prompt` and returns a record [\"text\", \"tokens\", \"logprobs\", \"finishReason\", \"promptTokens\"]. prompt: a string (encoded with the tokenizer's template), a list of token ids, or a list of those sampled together as one left-padded batch (then a list of records, in order); each must leave room in the context. At most maxTokens new tokens; temperature 0 is greedy (the same text every time), otherwise the logits are divided by the temperature, cut to the topK most likely (0: all) and to the nucleus of probability topP (1: all), and drawn from a generator seeded with `seed` (the same seed gives the same samples). A generation ends at the model's eos (unless stopAtEOS: false; finishReason \"eos\"), at a string of `stop` (a string or a list; \"stop\"; the text ends before it), or after maxTokens or at the context length (\"length\"). text leaves out the eos and the stop string; tokens are every sampled id; logprobs[i] is the model's log-probability of tokens[i] at temperature 1 before filtering (what logprobs(model, promptTokens, tokens) recomputes).") { a in
            try sample(a)
        },
        Builtin("generate" + sampleSignature,
                doc: "The same as sample (the name transformers uses): generates continuations of a prompt or a list of prompts; see :help sample.") { a in
            try sample(a)
        },
        Builtin("logprobs(model, prompt, continuation)",
                doc: "The log-probability of each token of `continuation` after `prompt` under the model, as a list of numbers (one per continuation token). Strings are encoded as sample encodes them (the prompt with the tokenizer's template, the continuation plain); either may instead be a list of token ids, e.g. logprobs(model, g.promptTokens, g.tokens) for a generation g. Together they must fit the context.") { a in
            let model = try ModelValues.model(a)
            let prompt = try tokens(a, "prompt", model, template: true)
            let continuation = try tokens(a, "continuation", model, template: false)
            guard !prompt.isEmpty else { throw a.error("the prompt has no tokens; give at least one") }
            guard prompt.count + continuation.count <= model.config.maxPositions else {
                throw a.error("the prompt and continuation have \(prompt.count) + \(continuation.count) tokens, more than the model's context length \(model.config.maxPositions)")
            }
            return ModelValues.numbers(try ModelValues.run(a) {
                try R3Models.logprobs(model, promptTokens: prompt, continuationTokens: continuation)
            })
        },
    ]

    /// A text argument as token ids: a string (encoded, with the template when `template`) or a list of ids.
    static func tokens(_ a: Arguments, _ name: String, _ model: LanguageModel, template: Bool) throws -> [Int] {
        guard case .string(let text) = a[name] else {
            guard case .list = a[name] else { throw a.error("argument '\(name)' must be a string or a list of token ids, got \(a[name].typeName)") }
            return try ModelValues.tokenIds(a, name, vocabSize: model.config.vocabSize)
        }
        do {
            return try model.tokenizer.encode(text, addSpecialTokens: template)
        } catch let e as ModelError {
            throw a.error("argument '\(name)': \(e.message)")
        }
    }

    /// One prompt: a string or a list of token ids.
    enum Prompt {
        case text(String), ids([Int])
    }

    /// The `prompt` argument: one prompt (a string or a list of token ids), or a list of prompts.
    static func prompts(_ a: Arguments, vocabSize: Int) throws -> (prompts: [Prompt], single: Bool) {
        let wanted = "a string, a list of token ids, or a list of those"
        switch a["prompt"] {
        case .string(let s): return ([.text(s)], true)
        case .list(let l) where !l.items.isEmpty && l.items.allSatisfy({ if case .number = $0 { return true } else { return false } }):
            return ([.ids(try ModelValues.tokenIds(l.items, "argument 'prompt'", vocabSize: vocabSize, a))], true)
        case .list(let l):
            let prompts = try l.items.enumerated().map { i, v -> Prompt in
                switch v {
                case .string(let s): return .text(s)
                case .list(let inner): return .ids(try ModelValues.tokenIds(inner.items, "prompt \(i)", vocabSize: vocabSize, a))
                default: throw a.error("argument 'prompt' must be \(wanted); item \(i) is a \(v.typeName)")
                }
            }
            return (prompts, false)
        default: throw a.error("argument 'prompt' must be \(wanted), got \(a["prompt"].typeName)")
        }
    }

    static func sample(_ a: Arguments) throws -> Value {
        let model = try ModelValues.model(a)
        let (prompts, single) = try prompts(a, vocabSize: model.config.vocabSize)
        var config = SamplingConfig()
        config.maxNewTokens = try ModelValues.int(a, "maxTokens", atLeast: 0)
        config.temperature = try ModelValues.number(a, "temperature", in: 0...Double.greatestFiniteMagnitude, "0 or more (0 is greedy)")
        config.topK = try ModelValues.int(a, "topK", atLeast: 0)
        config.topP = try ModelValues.number(a, "topP", in: Double.leastNonzeroMagnitude...1, "in (0, 1]")
        config.stop = try ModelValues.strings(a, "stop")
        config.seed = try TaskValues.seed(a)
        config.stopAtEOS = try a.bool("stopAtEOS")

        let context = model.config.maxPositions
        let ids = try prompts.enumerated().map { i, p -> [Int] in
            let which = single ? "the prompt" : "prompt \(i)"
            let t: [Int]
            switch p {
            case .ids(let given): t = given
            case .text(let text):
                do { t = try model.tokenizer.encode(text, addSpecialTokens: true) } catch let e as ModelError { throw a.error("\(which): \(e.message)") }
            }
            guard !t.isEmpty else { throw a.error("\(which) is empty: it has no tokens to continue from") }
            guard t.count < context else {
                throw a.error("\(which) has \(t.count) tokens, which does not fit the model's context length \(context) (no room for a new token)")
            }
            return t
        }
        try ModelValues.checkMemory(a, floats: ModelValues.cacheFloats(model.config, batch: ids.count, length: context),
                                    "the key/value cache of \(ids.count) sequences")
        let generations = try ModelValues.run(a) { try R3Models.sample(model, promptTokens: ids, config: config) }
        return single ? ModelValues.value(generations[0]) : .list(ListObject(generations.map(ModelValues.value)))
    }
}
