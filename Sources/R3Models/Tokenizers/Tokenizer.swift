import Foundation

/// A tokenizer: text to token ids and back. Two kinds share this one type:
///
/// - byte-level BPE loaded from a Hugging Face `tokenizer.json` (GPT-2, Llama-3, Qwen2 styles):
///   added/special tokens are split out first, then the NFC normalizer (if any), the pre-tokenizers
///   (Split with the GPT-2 / Llama-3 / Qwen2 regex, ByteLevel, Digits), then BPE merges by rank;
/// - character-level over a given alphabet (`Tokenizer.chars`), for models trained from scratch:
///   a BPE with no merges over Unicode scalars, which is also how it is written to tokenizer.json
///   so that transformers loads it with the same ids.
public final class Tokenizer: @unchecked Sendable {
    /// A token registered outside the model vocabulary (special tokens such as `<|im_end|>`).
    public struct AddedToken: Equatable, Sendable {
        public let id: Int
        public let content: String
        public let special: Bool
        let lstrip: Bool, rstrip: Bool
    }

    enum PreTokenizer: Equatable {
        case split(SplitPattern)
        case byteLevel(addPrefixSpace: Bool, useRegex: Bool)
        case digits(individual: Bool)
    }

    enum Decoder: Equatable { case byteLevel, fuse, spaceJoined }

    enum PostItem: Equatable { case special(Int), sequence }

    // Model.
    let vocab: [String: Int]
    let idToToken: [String?]
    /// (left id, right id) packed -> (rank, merged id).
    let merges: [UInt64: (rank: Int32, id: Int32)]
    let unkId: Int?
    let ignoreMerges: Bool
    // Pipeline.
    let nfc: Bool
    let preTokenizers: [PreTokenizer]
    let decoder: Decoder
    let template: [PostItem]?
    /// Added tokens, by id, and their first scalar for matching.
    public let addedTokens: [AddedToken]
    private let addedByFirstScalar: [UInt32: [AddedToken]]
    private let addedById: [Int: AddedToken]
    /// The tokenizer.json this tokenizer was read from (written back unchanged on save).
    let sourceJSON: Data?
    /// For character tokenizers: the alphabet (nil for BPE).
    public let alphabet: [Unicode.Scalar]?

    /// End-of-sequence token id (generation stops there; SFT appends it to completions).
    public var eosTokenId: Int?
    /// Beginning-of-sequence token id, if the model uses one.
    public var bosTokenId: Int?
    /// Padding token id (defaults to eos when unset).
    public var padTokenId: Int?
    /// How `formatChat` lays out conversations (detected from tokenizer_config.json's chat_template).
    public var chatFormat: ChatFormat?

    /// The tokenizer_config.json read with this tokenizer (written back unchanged on save).
    var configJSON: Data?

    private var cache: [String: [Int]] = [:]
    private let cacheLock = NSLock()

    init(vocab: [String: Int], merges: [(String, String)], unkToken: String?, ignoreMerges: Bool, nfc: Bool,
         preTokenizers: [PreTokenizer], decoder: Decoder, template: [PostItem]?, addedTokens: [AddedToken],
         sourceJSON: Data?, alphabet: [Unicode.Scalar]?, source: String) throws {
        self.vocab = vocab
        var maxId = vocab.values.max() ?? -1
        for a in addedTokens { maxId = max(maxId, a.id) }
        var idToToken = [String?](repeating: nil, count: maxId + 1)
        for (t, i) in vocab {
            guard i >= 0 else { throw ModelError("\(source): token '\(t)' has a negative id \(i)") }
            idToToken[i] = t
        }
        for a in addedTokens { idToToken[a.id] = a.content }
        self.idToToken = idToToken
        var m: [UInt64: (rank: Int32, id: Int32)] = [:]
        for (rank, (a, b)) in merges.enumerated() {
            guard let ia = vocab[a], let ib = vocab[b] else {
                throw ModelError("\(source): merge #\(rank) '\(a) \(b)' uses a token that is not in the vocabulary")
            }
            guard let merged = vocab[a + b] else {
                throw ModelError("\(source): merge #\(rank) '\(a) \(b)' makes '\(a + b)', which is not in the vocabulary")
            }
            let key = UInt64(ia) << 32 | UInt64(ib)
            if m[key] == nil { m[key] = (Int32(rank), Int32(merged)) }
        }
        self.merges = m
        if let unkToken {
            guard let u = vocab[unkToken] ?? addedTokens.first(where: { $0.content == unkToken })?.id else {
                throw ModelError("\(source): unk_token '\(unkToken)' is not in the vocabulary")
            }
            unkId = u
        } else {
            unkId = nil
        }
        self.ignoreMerges = ignoreMerges
        self.nfc = nfc
        self.preTokenizers = preTokenizers
        self.decoder = decoder
        self.template = template
        self.addedTokens = addedTokens
        var byFirst: [UInt32: [AddedToken]] = [:]
        for a in addedTokens where !a.content.isEmpty {
            byFirst[a.content.unicodeScalars.first!.value, default: []].append(a)
        }
        for k in byFirst.keys { byFirst[k]!.sort { $0.content.unicodeScalars.count > $1.content.unicodeScalars.count } }
        addedByFirstScalar = byFirst
        addedById = Dictionary(addedTokens.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.sourceJSON = sourceJSON
        self.alphabet = alphabet
    }

    /// Number of token ids (the largest id + 1, added tokens included).
    public var vocabSize: Int { idToToken.count }

    /// The token string of `id` (byte-level spelling for BPE tokens), or nil.
    public func token(for id: Int) -> String? { id >= 0 && id < idToToken.count ? idToToken[id] : nil }

    /// The id of a token string (vocabulary or added token), or nil.
    public func id(for token: String) -> Int? { vocab[token] ?? addedTokens.first { $0.content == token }?.id }

    /// Whether `id` is a special added token (skipped by `decode(skipSpecialTokens: true)`).
    public func isSpecial(_ id: Int) -> Bool { addedById[id]?.special ?? false }

    // MARK: Encoding

    /// Token ids of `text`. Added and special tokens in the text are recognised first.
    /// `addSpecialTokens` applies the post-processor template (e.g. Llama-3's `<|begin_of_text|>`).
    /// Throws for a character outside a character tokenizer's alphabet (when it has no unknown token).
    public func encode(_ text: String, addSpecialTokens: Bool = false) throws -> [Int] {
        var ids: [Int] = []
        let scalars = Array(text.unicodeScalars)
        var start = 0, i = 0
        func flush(_ end: Int) throws {
            if end > start { try encodeOrdinary(scalars[start..<end], offset: start, into: &ids) }
        }
        while i < scalars.count {
            if let candidates = addedByFirstScalar[scalars[i].value], let (tok, len) = matchAdded(candidates, scalars, i) {
                var end = i
                if tok.lstrip { while end > start && scalars[end - 1].properties.isWhitespace { end -= 1 } }
                try flush(end)
                ids.append(tok.id)
                i += len
                if tok.rstrip { while i < scalars.count && scalars[i].properties.isWhitespace { i += 1 } }
                start = i
            } else {
                i += 1
            }
        }
        try flush(scalars.count)
        if addSpecialTokens, let template {
            var out: [Int] = []
            for item in template {
                switch item {
                case .special(let id): out.append(id)
                case .sequence: out.append(contentsOf: ids)
                }
            }
            return out
        }
        return ids
    }

    private func matchAdded(_ candidates: [AddedToken], _ s: [Unicode.Scalar], _ i: Int) -> (AddedToken, Int)? {
        for c in candidates {
            let cs = c.content.unicodeScalars
            guard i + cs.count <= s.count else { continue }
            var k = i
            var ok = true
            for x in cs {
                if s[k] != x { ok = false; break }
                k += 1
            }
            if ok { return (c, cs.count) }
        }
        return nil
    }

    /// Encodes text that holds no added token: normalizer, pre-tokenizers, then BPE per piece.
    private func encodeOrdinary(_ text: ArraySlice<Unicode.Scalar>, offset: Int, into ids: inout [Int]) throws {
        var scalars = Array(text)
        if nfc {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars)
            scalars = Array(String(s).precomposedStringWithCanonicalMapping.unicodeScalars)
        }
        var pieces: [[Unicode.Scalar]] = [scalars]
        var byteLevel = false
        for p in preTokenizers {
            switch p {
            case .split(let pattern):
                pieces = pieces.flatMap { piece in pattern.pieces(piece).map { Array(piece[$0]) } }
            case .digits(let individual):
                pieces = pieces.flatMap { Self.splitDigits($0, individual: individual) }
            case .byteLevel(let addPrefixSpace, let useRegex):
                if addPrefixSpace { pieces = pieces.map { $0.first == " " ? $0 : [" "] + $0 } }
                if useRegex { pieces = pieces.flatMap { piece in SplitPattern.gpt2.pieces(piece).map { Array(piece[$0]) } } }
                byteLevel = true
            }
        }
        for piece in pieces where !piece.isEmpty {
            let symbols = byteLevel ? ByteLevel.encode(piece[...]) : piece
            try bpe(symbols, offset: offset, into: &ids)
        }
    }

    static func splitDigits(_ s: [Unicode.Scalar], individual: Bool) -> [[Unicode.Scalar]] {
        var out: [[Unicode.Scalar]] = []
        var cur: [Unicode.Scalar] = []
        var curIsDigit = false
        for x in s {
            let d = SplitPattern.classify(x) == .number
            if !cur.isEmpty && (d != curIsDigit || (d && individual)) {
                out.append(cur)
                cur = []
            }
            cur.append(x)
            curIsDigit = d
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// BPE over one piece: start from single symbols, merge the lowest-ranked pair (leftmost on ties) until none applies.
    private func bpe(_ symbols: [Unicode.Scalar], offset: Int, into ids: inout [Int]) throws {
        var word = String.UnicodeScalarView()
        word.append(contentsOf: symbols)
        let key = String(word)
        let cacheable = symbols.count <= 64
        if cacheable {
            cacheLock.lock()
            let hit = cache[key]
            cacheLock.unlock()
            if let hit {
                ids.append(contentsOf: hit)
                return
            }
        }
        if ignoreMerges, let whole = vocab[key] {
            ids.append(whole)
            return
        }
        var parts: [Int] = []
        parts.reserveCapacity(symbols.count)
        for (k, s) in symbols.enumerated() {
            if let id = vocab[String(s)] {
                parts.append(id)
            } else if let unkId {
                parts.append(unkId)
            } else if alphabet != nil {
                throw ModelError("character '\(s)' (U+\(String(s.value, radix: 16, uppercase: true))) at offset \(offset + k) is not in the tokenizer's alphabet")
            } else {
                throw ModelError("the symbol '\(s)' (U+\(String(s.value, radix: 16, uppercase: true))) near offset \(offset) is not in the tokenizer's vocabulary and it has no unk_token")
            }
        }
        if !merges.isEmpty {
            while parts.count > 1 {
                var best: (rank: Int32, id: Int32) = (Int32.max, 0)
                var at = -1
                for k in 0..<(parts.count - 1) {
                    if let m = merges[UInt64(parts[k]) << 32 | UInt64(parts[k + 1])], m.rank < best.rank {
                        best = m
                        at = k
                    }
                }
                if at < 0 { break }
                parts[at] = Int(best.id)
                parts.remove(at: at + 1)
            }
        }
        if cacheable {
            cacheLock.lock()
            cache[key] = parts
            cacheLock.unlock()
        }
        ids.append(contentsOf: parts)
    }

    // MARK: Decoding

    /// The text of `ids`. Byte-level tokens are joined as bytes and read as UTF-8 (invalid sequences,
    /// e.g. a cut-off multi-byte character, become U+FFFD). Unknown ids are skipped.
    public func decode(_ ids: [Int], skipSpecialTokens: Bool = false) -> String {
        String(decoding: decodeBytes(ids, skipSpecialTokens: skipSpecialTokens), as: UTF8.self)
    }

    /// The raw bytes of `ids` (see `decode`).
    public func decodeBytes(_ ids: [Int], skipSpecialTokens: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = []
        var first = true
        for id in ids {
            guard let t = token(for: id) else { continue }
            if skipSpecialTokens && isSpecial(id) { continue }
            switch decoder {
            case .byteLevel: ByteLevel.appendBytes(of: t, to: &bytes)
            case .fuse: bytes.append(contentsOf: t.utf8)
            case .spaceJoined:
                if !first { bytes.append(0x20) }
                bytes.append(contentsOf: t.utf8)
            }
            first = false
        }
        return bytes
    }
}
