import Foundation
import R3Random

/// One supervised example: the loss is on the completion tokens only (and the end-of-sequence token).
public struct Example: Equatable, Sendable {
    public var prompt: String
    public var completion: String
    public init(prompt: String, completion: String) {
        self.prompt = prompt
        self.completion = completion
    }
}

/// A tokenized example: ids and, per token, whether it is trained on (a completion token).
struct TokenizedExample {
    let ids: [Int]
    let trained: [Bool]
}

/// Tokenizes examples: prompt (with the tokenizer's template, e.g. a BOS) + completion (+ eos),
/// truncated to `maxLength`. Examples left with no completion token are dropped (and counted).
func tokenizeExamples(_ examples: [Example], tokenizer: Tokenizer, maxLength: Int, appendEOS: Bool) throws -> (examples: [TokenizedExample], dropped: Int) {
    var out: [TokenizedExample] = []
    var dropped = 0
    for (i, e) in examples.enumerated() {
        let p: [Int], c: [Int]
        do {
            p = try tokenizer.encode(e.prompt, addSpecialTokens: true)
            c = try tokenizer.encode(e.completion) + (appendEOS ? (tokenizer.eosTokenId.map { [$0] } ?? []) : [])
        } catch let error as ModelError {
            throw ModelError("example \(i): \(error.message)")
        }
        var ids = p + c
        var trained = [Bool](repeating: false, count: p.count) + [Bool](repeating: true, count: c.count)
        if ids.count > maxLength {
            ids = Array(ids.prefix(maxLength))
            trained = Array(trained.prefix(maxLength))
        }
        // position 0 is never a target, so a trained token needs a predecessor
        if ids.count < 2 || !trained.dropFirst().contains(true) {
            dropped += 1
            continue
        }
        out.append(TokenizedExample(ids: ids, trained: trained))
    }
    return (out, dropped)
}

/// Where the data stream is: a shuffled order per epoch, drawn from a generator whose state at the
/// start of the epoch is kept (so a checkpoint restores the same order and position).
struct DataPosition: Equatable {
    var epoch: Int
    var cursor: Int
    var epochStartState: [UInt64]
}

/// Serves batches from tokenized examples in a seeded shuffled order, padded or packed.
struct SFTBatcher {
    let examples: [TokenizedExample]
    let batchSize: Int
    let maxLength: Int
    let packing: Bool
    let padToken: Int
    private(set) var position: DataPosition
    private var order: [Int]

    init(examples: [TokenizedExample], batchSize: Int, maxLength: Int, packing: Bool, padToken: Int, seed: UInt64) {
        self.examples = examples
        self.batchSize = batchSize
        self.maxLength = maxLength
        self.packing = packing
        self.padToken = padToken
        position = DataPosition(epoch: 0, cursor: 0, epochStartState: RandomGenerator(seed: seed).stateWords)
        order = []
        order = Self.order(count: examples.count, state: position.epochStartState)
    }

    /// Restores a saved position.
    mutating func restore(_ p: DataPosition) {
        position = p
        order = Self.order(count: examples.count, state: p.epochStartState)
    }

    private static func order(count: Int, state: [UInt64]) -> [Int] {
        var rng = RandomGenerator(stateWords: state)
        var o = Array(0..<count)
        rng.shuffle(&o)
        return o
    }

    /// The next example, advancing to a fresh shuffled epoch when one runs out.
    private mutating func nextExample() -> TokenizedExample {
        if position.cursor >= order.count {
            var rng = RandomGenerator(stateWords: position.epochStartState)
            var o = Array(0..<examples.count)
            rng.shuffle(&o)  // replays this epoch's draws; the state after them starts the next epoch
            position = DataPosition(epoch: position.epoch + 1, cursor: 0, epochStartState: rng.stateWords)
            order = Self.order(count: examples.count, state: position.epochStartState)
        }
        let e = examples[order[position.cursor]]
        position.cursor += 1
        return e
    }

    private func peekExample() -> TokenizedExample? {
        position.cursor < order.count ? examples[order[position.cursor]] : nil
    }

    /// The next batch and its per-position loss weights over targets (1 where position t's target,
    /// token t+1, is a trained token of the same example).
    mutating func nextBatch() throws -> (batch: TokenBatch, trainedTargets: [Bool]) {
        var rows: [[Int]] = [], segs: [[Int]] = [], trainedRows: [[Bool]] = []
        if packing {
            for _ in 0..<batchSize {
                var row: [Int] = [], seg: [Int] = [], tr: [Bool] = []
                var segment = 1
                repeat {
                    let e = nextExample()
                    row += e.ids
                    seg += [Int](repeating: segment, count: e.ids.count)
                    tr += e.trained
                    segment += 1
                } while peekExample().map({ row.count + $0.ids.count <= maxLength }) ?? false
                let pad = maxLength - row.count
                rows.append(row + [Int](repeating: padToken, count: pad))
                segs.append(seg + [Int](repeating: 0, count: pad))
                trainedRows.append(tr + [Bool](repeating: false, count: pad))
            }
        } else {
            var picked: [TokenizedExample] = []
            for _ in 0..<batchSize { picked.append(nextExample()) }
            let T = picked.map(\.ids.count).max()!
            for e in picked {
                let pad = T - e.ids.count
                rows.append(e.ids + [Int](repeating: padToken, count: pad))
                segs.append([Int](repeating: 1, count: e.ids.count) + [Int](repeating: 0, count: pad))
                trainedRows.append(e.trained + [Bool](repeating: false, count: pad))
            }
        }
        let batch = try TokenBatch(tokens: rows, segments: segs)
        let T = batch.length
        var weights = [Bool](repeating: false, count: rows.count * T)
        for b in 0..<rows.count {
            for t in 0..<(T - 1) where segs[b][t] != 0 && segs[b][t + 1] == segs[b][t] && trainedRows[b][t + 1] {
                weights[b * T + t] = true
            }
        }
        return (batch, weights)
    }
}
