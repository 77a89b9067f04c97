import Foundation

// Reading and writing Hugging Face tokenizer.json / tokenizer_config.json, and character tokenizers.

extension Tokenizer {
    /// What a character tokenizer does with a character outside its alphabet.
    public enum UnknownCharacter: Equatable, Sendable {
        /// `encode` throws an error naming the character and its offset.
        case error
        /// `encode` maps it to this extra token (e.g. "<unk>").
        case token(String)
    }

    /// A character-level tokenizer: one id per Unicode scalar of `alphabet` (in order, duplicates
    /// dropped), then the end-of-text token `endOfText` (special; also used for padding), then the
    /// unknown token if `unknown` is `.token`.
    public static func chars(_ alphabet: String, unknown: UnknownCharacter = .error,
                             endOfText: String = "<|endoftext|>") throws -> Tokenizer {
        var seen = Set<UInt32>()
        var symbols: [Unicode.Scalar] = []
        for s in alphabet.unicodeScalars where seen.insert(s.value).inserted { symbols.append(s) }
        guard !symbols.isEmpty else { throw ModelError("a character tokenizer needs a non-empty alphabet") }
        var vocab: [String: Int] = [:]
        for (i, s) in symbols.enumerated() { vocab[String(s)] = i }
        var added = [AddedToken(id: symbols.count, content: endOfText, special: true, lstrip: false, rstrip: false)]
        var unkToken: String?
        if case .token(let u) = unknown {
            guard vocab[u] == nil, u != endOfText else { throw ModelError("the unknown token '\(u)' collides with the alphabet or end-of-text token") }
            added.append(AddedToken(id: symbols.count + 1, content: u, special: true, lstrip: false, rstrip: false))
            unkToken = u
        }
        let t = try Tokenizer(vocab: vocab, merges: [], unkToken: unkToken, ignoreMerges: false, nfc: false,
                              preTokenizers: [], decoder: .fuse, template: nil, addedTokens: added, sourceJSON: nil,
                              alphabet: symbols, source: "character tokenizer")
        t.eosTokenId = symbols.count
        t.padTokenId = symbols.count
        return t
    }

    /// Loads `tokenizer.json` (and `tokenizer_config.json` beside it, when present) from a folder,
    /// or a tokenizer.json file given directly.
    public static func load(_ path: String) throws -> Tokenizer {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ModelError("\(path): no such file or folder")
        }
        let folder = isDir.boolValue ? URL(fileURLWithPath: path) : URL(fileURLWithPath: path).deletingLastPathComponent()
        let file = isDir.boolValue ? folder.appendingPathComponent("tokenizer.json") : URL(fileURLWithPath: path)
        guard let data = FileManager.default.contents(atPath: file.path) else { throw ModelError("\(file.path): cannot be read") }
        let t = try Tokenizer(huggingFaceJSON: data, source: file.path)
        let cfg = folder.appendingPathComponent("tokenizer_config.json")
        if let c = FileManager.default.contents(atPath: cfg.path) {
            try t.applyConfig(c, source: cfg.path)
        }
        return t
    }

    /// Parses a Hugging Face tokenizer.json (model type BPE; byte-level or plain).
    public convenience init(huggingFaceJSON data: Data, source: String = "tokenizer.json") throws {
        let j = try JSONObject(data: data, source: source)
        guard let model = try j.object("model") else { throw ModelError("\(source): missing key \"model\"") }
        let type = try model.optionalString("type") ?? (model.has("merges") ? "BPE" : "unknown")
        guard type == "BPE" else {
            throw ModelError("\(source): unsupported tokenizer model type '\(type)' (supported: BPE)")
        }
        if let d = model.dict["dropout"] as? NSNumber, d.doubleValue > 0 {
            throw ModelError("\(source): BPE dropout is not supported")
        }
        if try model.bool("byte_fallback", default: false) { throw ModelError("\(source): BPE byte_fallback is not supported") }
        for k in ["continuing_subword_prefix", "end_of_word_suffix"] {
            if let s = try model.optionalString(k), !s.isEmpty { throw ModelError("\(source): BPE \(k) is not supported") }
        }
        guard let vocabAny = model.dict["vocab"] as? [String: Any] else { throw ModelError("\(source): model.vocab must be an object") }
        var vocab: [String: Int] = [:]
        vocab.reserveCapacity(vocabAny.count)
        for (k, v) in vocabAny {
            guard let i = JSONObject.asInt(v) else { throw ModelError("\(source): vocabulary id of '\(k)' is not an integer") }
            vocab[k] = i
        }
        var merges: [(String, String)] = []
        for (n, m) in (try model.array("merges") ?? []).enumerated() {
            if let s = m as? String {
                guard let sp = s.firstIndex(of: " ") else { throw ModelError("\(source): merge #\(n) '\(s)' is not two tokens separated by a space") }
                merges.append((String(s[..<sp]), String(s[s.index(after: sp)...])))
            } else if let a = m as? [Any], a.count == 2, let x = a[0] as? String, let y = a[1] as? String {
                merges.append((x, y))
            } else {
                throw ModelError("\(source): merge #\(n) is neither \"a b\" nor [\"a\", \"b\"]")
            }
        }
        var added: [AddedToken] = []
        for (n, a) in (try j.array("added_tokens") ?? []).enumerated() {
            guard let d = a as? [String: Any], let id = d["id"].flatMap(JSONObject.asInt), let content = d["content"] as? String else {
                throw ModelError("\(source): added_tokens[\(n)] needs an integer id and a string content")
            }
            added.append(AddedToken(id: id, content: content, special: (d["special"] as? Bool) ?? false,
                                    lstrip: (d["lstrip"] as? Bool) ?? false, rstrip: (d["rstrip"] as? Bool) ?? false))
        }
        let nfc = try Self.parseNormalizer(j.dict["normalizer"], source: source)
        let pre = try Self.parsePreTokenizer(j.dict["pre_tokenizer"], source: source)
        let decoder = try Self.parseDecoder(j.dict["decoder"], source: source)
        var vocabWithAdded = vocab
        for a in added where vocabWithAdded[a.content] == nil { vocabWithAdded[a.content] = a.id }
        let template = try Self.parsePostProcessor(j.dict["post_processor"], vocab: vocabWithAdded, source: source)
        let isChars = merges.isEmpty && !pre.contains { if case .byteLevel = $0 { return true } else { return false } }
        try self.init(vocab: vocab, merges: merges, unkToken: try model.optionalString("unk_token"),
                      ignoreMerges: try model.bool("ignore_merges", default: false), nfc: nfc, preTokenizers: pre,
                      decoder: decoder, template: template, addedTokens: added, sourceJSON: data,
                      alphabet: isChars && pre.isEmpty ? vocab.sorted { $0.value < $1.value }.flatMap { $0.key.unicodeScalars.count == 1 ? [$0.key.unicodeScalars.first!] : [] } : nil,
                      source: source)
    }

    private static func typeOf(_ any: Any?, _ what: String, _ source: String) throws -> [String: Any]? {
        guard let any, !(any is NSNull) else { return nil }
        guard let d = any as? [String: Any], d["type"] is String else { throw ModelError("\(source): \(what) has no type") }
        return d
    }

    static func parseNormalizer(_ any: Any?, source: String) throws -> Bool {
        guard let d = try typeOf(any, "normalizer", source) else { return false }
        switch d["type"] as! String {
        case "NFC": return true
        case "Sequence":
            var nfc = false
            for n in (d["normalizers"] as? [Any]) ?? [] { nfc = try parseNormalizer(n, source: source) || nfc }
            return nfc
        case let t: throw ModelError("\(source): unsupported normalizer '\(t)' (supported: NFC)")
        }
    }

    static func parsePreTokenizer(_ any: Any?, source: String) throws -> [PreTokenizer] {
        guard let d = try typeOf(any, "pre_tokenizer", source) else { return [] }
        switch d["type"] as! String {
        case "Sequence":
            return try ((d["pretokenizers"] as? [Any]) ?? []).flatMap { try parsePreTokenizer($0, source: source) }
        case "ByteLevel":
            return [.byteLevel(addPrefixSpace: (d["add_prefix_space"] as? Bool) ?? true, useRegex: (d["use_regex"] as? Bool) ?? true)]
        case "Digits":
            return [.digits(individual: (d["individual_digits"] as? Bool) ?? false)]
        case "Split":
            let behavior = (d["behavior"] as? String) ?? "Isolated"
            guard behavior == "Isolated", (d["invert"] as? Bool) != true else {
                throw ModelError("\(source): unsupported Split pre-tokenizer behavior '\(behavior)' (supported: Isolated)")
            }
            guard let p = d["pattern"] as? [String: Any], let regex = p["Regex"] as? String else {
                throw ModelError("\(source): unsupported Split pre-tokenizer pattern (a Regex is expected)")
            }
            guard let pattern = SplitPattern(regex: regex) else {
                throw ModelError("\(source): unsupported pre-tokenizer regex \(regex) (supported: the GPT-2, Llama-3 and Qwen2 patterns)")
            }
            return [.split(pattern)]
        case let t: throw ModelError("\(source): unsupported pre-tokenizer '\(t)' (supported: Split, ByteLevel, Digits, Sequence)")
        }
    }

    static func parseDecoder(_ any: Any?, source: String) throws -> Decoder {
        guard let d = try typeOf(any, "decoder", source) else { return .spaceJoined }
        switch d["type"] as! String {
        case "ByteLevel": return .byteLevel
        case "Fuse": return .fuse
        case "Sequence":
            let parts = try ((d["decoders"] as? [Any]) ?? []).map { try parseDecoder($0, source: source) }
            return parts.contains(.byteLevel) ? .byteLevel : .fuse
        case let t: throw ModelError("\(source): unsupported decoder '\(t)' (supported: ByteLevel, Fuse)")
        }
    }

    static func parsePostProcessor(_ any: Any?, vocab: [String: Int], source: String) throws -> [PostItem]? {
        guard let d = try typeOf(any, "post_processor", source) else { return nil }
        switch d["type"] as! String {
        case "ByteLevel": return nil
        case "Sequence":
            var out: [PostItem]?
            for p in (d["processors"] as? [Any]) ?? [] {
                if let t = try parsePostProcessor(p, vocab: vocab, source: source) { out = t }
            }
            return out
        case "TemplateProcessing":
            guard let single = d["single"] as? [Any] else { throw ModelError("\(source): TemplateProcessing has no single template") }
            let specials = (d["special_tokens"] as? [String: Any]) ?? [:]
            return try single.map { item in
                guard let o = item as? [String: Any] else { throw ModelError("\(source): bad TemplateProcessing item") }
                if o["Sequence"] != nil { return .sequence }
                guard let sp = o["SpecialToken"] as? [String: Any], let name = sp["id"] as? String else {
                    throw ModelError("\(source): bad TemplateProcessing item \(o)")
                }
                if let s = specials[name] as? [String: Any], let ids = s["ids"] as? [Any], ids.count == 1, let id = JSONObject.asInt(ids[0]) {
                    return .special(id)
                }
                guard let id = vocab[name] else { throw ModelError("\(source): template token '\(name)' is not in the vocabulary") }
                return .special(id)
            }
        case let t: throw ModelError("\(source): unsupported post-processor '\(t)' (supported: TemplateProcessing, ByteLevel)")
        }
    }

    /// Reads eos/bos/pad tokens and the chat template kind from tokenizer_config.json.
    func applyConfig(_ data: Data, source: String) throws {
        let j = try JSONObject(data: data, source: source)
        func tokenId(_ key: String) throws -> Int? {
            guard let v = j.dict[key], !(v is NSNull) else { return nil }
            let content = (v as? String) ?? ((v as? [String: Any])?["content"] as? String)
            guard let content else { throw ModelError("\(source): \"\(key)\" must be a string or {\"content\": ...}") }
            guard let id = id(for: content) else { throw ModelError("\(source): \(key) '\(content)' is not in the vocabulary") }
            return id
        }
        if let e = try tokenId("eos_token") { eosTokenId = e }
        if let b = try tokenId("bos_token") { bosTokenId = b }
        if let p = try tokenId("pad_token") { padTokenId = p }
        if let t = j.dict["chat_template"] as? String {
            chatFormat = ChatFormat(template: t)
        } else if let list = j.dict["chat_template"] as? [Any] {
            for case let item as [String: Any] in list {
                if let t = item["template"] as? String, let f = ChatFormat(template: t) { chatFormat = f; break }
            }
        }
        configJSON = data
    }

    /// tokenizer.json: the file this tokenizer was read from, or (for a character tokenizer) a BPE
    /// with no merges over the alphabet, which transformers' PreTrainedTokenizerFast loads with the same ids.
    public func huggingFaceJSON() throws -> Data {
        if let sourceJSON { return sourceJSON }
        var vocabOut: [String: Int] = [:]
        for (t, i) in vocab { vocabOut[t] = i }
        let added: [[String: Any]] = addedTokens.map {
            ["id": $0.id, "content": $0.content, "single_word": false, "lstrip": $0.lstrip, "rstrip": $0.rstrip,
             "normalized": false, "special": $0.special]
        }
        let unk: Any = unkId.flatMap { token(for: $0) } ?? NSNull()
        let j: [String: Any] = [
            "version": "1.0", "truncation": NSNull(), "padding": NSNull(), "added_tokens": added,
            "normalizer": NSNull(), "pre_tokenizer": NSNull(), "post_processor": NSNull(),
            "decoder": ["type": "Fuse"],
            "model": ["type": "BPE", "dropout": NSNull(), "unk_token": unk, "continuing_subword_prefix": NSNull(),
                      "end_of_word_suffix": NSNull(), "fuse_unk": false, "byte_fallback": false, "ignore_merges": false,
                      "vocab": vocabOut, "merges": [String]()] as [String: Any],
        ]
        return try jsonData(j)
    }

    /// tokenizer_config.json: the file read with the tokenizer, or one naming the special tokens,
    /// the chat template and PreTrainedTokenizerFast.
    public func huggingFaceConfigJSON(contextLength: Int) throws -> Data {
        if let configJSON { return configJSON }
        var j: [String: Any] = ["tokenizer_class": "PreTrainedTokenizerFast", "clean_up_tokenization_spaces": false,
                                "model_max_length": contextLength]
        if let e = eosTokenId, let t = token(for: e) { j["eos_token"] = t }
        if let b = bosTokenId, let t = token(for: b) { j["bos_token"] = t }
        if let p = padTokenId ?? eosTokenId, let t = token(for: p) { j["pad_token"] = t }
        if let u = unkId, let t = token(for: u) { j["unk_token"] = t }
        if let chatFormat { j["chat_template"] = chatFormat.jinjaTemplate }
        return try jsonData(j)
    }
}
