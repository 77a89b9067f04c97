import Foundation
import R3Random

/// One generated continuation.
public struct Generation: Equatable, Sendable {
    /// Why the generation ended.
    public enum FinishReason: Equatable, Sendable {
        /// A stop token (eos) was sampled; it is the last of `tokens` and not part of `text`.
        case eos
        /// A stop string appeared; `text` ends before it, `tokens` end with the token that completed it.
        case stop(String)
        /// `maxNewTokens` (or the context length) was reached.
        case length
    }
    /// The prompt's token ids (as encoded, with the tokenizer's template, e.g. a BOS).
    public var promptTokens: [Int]
    /// The sampled token ids, in order.
    public var tokens: [Int]
    /// For each sampled token, its raw log-probability under the model given the prompt and the
    /// tokens before it: log_softmax(logits)[token] at temperature 1, before top-k/top-p filtering.
    /// `logprobs(model, promptTokens:, continuationTokens:)` recomputes the same numbers.
    public var logprobs: [Float]
    /// The decoded completion (without the eos token and without a stop string and what follows).
    public var text: String
    public var finishReason: FinishReason
}

/// Generates a continuation of each prompt (a batch, left-padded, with a KV cache).
public func sample(_ model: LanguageModel, prompts: [String], config: SamplingConfig = SamplingConfig()) throws -> [Generation] {
    let ids = try prompts.enumerated().map { i, p -> [Int] in
        do { return try model.tokenizer.encode(p, addSpecialTokens: true) } catch let e as ModelError {
            throw ModelError("prompt \(i): \(e.message)")
        }
    }
    return try sample(model, promptTokens: ids, config: config)
}

/// Generates a continuation of each prompt given as token ids.
public func sample(_ model: LanguageModel, promptTokens: [[Int]], config: SamplingConfig = SamplingConfig()) throws -> [Generation] {
    let c = model.config, V = c.vocabSize, B = promptTokens.count
    guard B > 0 else { return [] }
    for (i, p) in promptTokens.enumerated() {
        guard !p.isEmpty else { throw ModelError("prompt \(i) is empty (no tokens)") }
        guard p.count < c.maxPositions else {
            throw ModelError("prompt \(i) has \(p.count) tokens, which does not fit the model's context length \(c.maxPositions) (no room for a new token)")
        }
        if let bad = p.first(where: { $0 < 0 || $0 >= V }) { throw ModelError("prompt \(i): token id \(bad) is outside the vocabulary (vocab_size \(V))") }
    }
    guard config.maxNewTokens >= 0 else { throw ModelError("maxNewTokens must not be negative") }
    guard config.topP > 0 && config.topP <= 1 else { throw ModelError("topP must be in (0, 1], got \(config.topP)") }
    let Tp = promptTokens.map(\.count).max()!
    let maxNew = min(config.maxNewTokens, c.maxPositions - Tp)
    var gens = promptTokens.map { Generation(promptTokens: $0, tokens: [], logprobs: [], text: "", finishReason: .length) }
    if maxNew == 0 { return gens }
    let cache = KVCache(config: c, B: B, capacity: Tp + maxNew)
    // Identical prompts (the copies of a GRPO group's prompt) run once; the copies get their cache rows.
    let distinct = DistinctPrompts(promptTokens), U = distinct.first.count
    let ws = DecodeWorkspace(config: c, sequences: B, rows: max(U * Tp, B), maxRows: Tp, capacity: Tp + maxNew)
    let pad = Int32(model.tokenizer.padTokenId ?? model.tokenizer.eosTokenId ?? 0)
    var tokens = [Int32](repeating: pad, count: U * Tp), real = [UInt8](repeating: 0, count: U * Tp)
    for (u, b) in distinct.first.enumerated() {
        let p = promptTokens[b]
        for (t, id) in p.enumerated() {
            tokens[u * Tp + Tp - p.count + t] = Int32(id)
            real[u * Tp + Tp - p.count + t] = 1
        }
    }
    model.cachedForward(tokens: tokens, isReal: real, Tq: Tp, rows: distinct.first, cache: cache, ws: ws)
    for b in 0..<B where distinct.first[distinct.of[b]] != b { cache.copySequence(from: distinct.first[distinct.of[b]], to: b) }
    // the row of ws.logits that holds each sequence's next-token logits
    var logitsRow = distinct.of
    var rng = RandomGenerator(seed: config.seed)
    let stops = config.stopAtEOS ? model.stopTokenIds : []
    let stopBytes = config.stop.filter { !$0.isEmpty }.map { Array($0.utf8) }
    var bytes = [[UInt8]](repeating: [], count: B)
    var done = [Bool](repeating: false, count: B)
    let probs = UnsafeMutablePointer<Double>.allocate(capacity: V)
    defer { probs.deallocate() }
    for step in 0..<maxNew {
        for b in 0..<B where !done[b] {
            let (tok, lp) = pickToken(ws.logits.pointer + logitsRow[b] * V, V, config, &rng, probs)
            gens[b].tokens.append(tok)
            gens[b].logprobs.append(lp)
            if stops.contains(tok) {
                done[b] = true
                gens[b].finishReason = .eos
                continue
            }
            let before = bytes[b].count
            bytes[b] += model.tokenizer.decodeBytes([tok])
            for (s, sb) in zip(config.stop, stopBytes) {
                if let at = findBytes(sb, in: bytes[b], from: max(0, before - sb.count + 1)) {
                    bytes[b] = Array(bytes[b][..<at])
                    done[b] = true
                    gens[b].finishReason = .stop(s)
                    break
                }
            }
        }
        // Only the unfinished sequences run the next token.
        let active = (0..<B).filter { !done[$0] }
        if active.isEmpty || step == maxNew - 1 { break }
        let next = active.map { Int32(gens[$0].tokens.last!) }
        model.cachedForward(tokens: next, isReal: [UInt8](repeating: 1, count: active.count), Tq: 1, rows: active, cache: cache, ws: ws)
        for (i, b) in active.enumerated() { logitsRow[b] = i }
    }
    for b in 0..<B { gens[b].text = String(decoding: bytes[b], as: UTF8.self) }
    return gens
}

/// The distinct prompts of a batch, in order of first appearance.
private struct DistinctPrompts {
    /// [distinct prompts] the first sequence with each prompt.
    var first: [Int] = []
    /// [sequences] the index of each sequence's prompt in `first`.
    var of: [Int] = []

    init(_ prompts: [[Int]]) {
        var index: [[Int]: Int] = [:]
        for p in prompts {
            if let u = index[p] {
                of.append(u)
            } else {
                index[p] = first.count
                of.append(first.count)
                first.append(of.count - 1)
            }
        }
    }
}

/// The first index >= from where `needle` occurs in `haystack`.
private func findBytes(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
    guard needle.count <= haystack.count else { return nil }
    var i = from
    while i + needle.count <= haystack.count {
        if haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle { return i }
        i += 1
    }
    return nil
}

/// Per-token log-probabilities of `continuation` after `prompt` (each encoded as `sample` does: the
/// prompt with the tokenizer's template, the continuation plain): [continuation tokens].
public func logprobs(_ model: LanguageModel, prompt: String, continuation: String) throws -> [Float] {
    try logprobs(model, promptTokens: try model.tokenizer.encode(prompt, addSpecialTokens: true),
                 continuationTokens: try model.tokenizer.encode(continuation))
}

/// Per-token log-probabilities of `continuationTokens` after `promptTokens` (the inference path:
/// nothing is kept for a backward). Equal, up to float rounding, to `Generation.logprobs`.
public func logprobs(_ model: LanguageModel, promptTokens: [Int], continuationTokens: [Int]) throws -> [Float] {
    guard !promptTokens.isEmpty else { throw ModelError("logprobs needs at least one prompt token") }
    guard !continuationTokens.isEmpty else { return [] }
    let all = promptTokens + continuationTokens
    guard all.count <= model.config.maxPositions else {
        throw ModelError("prompt and continuation have \(all.count) tokens, more than the model's context length \(model.config.maxPositions)")
    }
    let batch = try TokenBatch(sequences: [all])
    let out = try model.logprobs(batch, targets: batch.nextTokenTargets)
    return Array(out.logprobs[(promptTokens.count - 1)..<(all.count - 1)])
}
