import Foundation

// Hugging Face model folders: config.json, model.safetensors (or shards with
// model.safetensors.index.json), tokenizer.json, tokenizer_config.json, generation_config.json.

extension LanguageModel {
    /// Loads a Hugging Face model folder (model_type llama or qwen2; F32, F16 or BF16 weights,
    /// single-file or sharded safetensors). Errors name the folder, file and tensor.
    public static func load(_ path: String) throws -> LanguageModel {
        let folder = URL(fileURLWithPath: path)
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else {
            throw ModelError("\(path): no such model folder")
        }
        let configURL = folder.appendingPathComponent("config.json")
        guard let configData = fm.contents(atPath: configURL.path) else { throw ModelError("\(path): no config.json in the model folder") }
        let config = try ModelConfig(huggingFaceJSON: configData, source: configURL.path)
        guard fm.fileExists(atPath: folder.appendingPathComponent("tokenizer.json").path) else {
            throw ModelError("\(path): no tokenizer.json in the model folder")
        }
        let tokenizer = try Tokenizer.load(folder.path)
        let layout = ParameterLayout(config)
        let params = FloatBuffer(count: layout.total)

        // Which file holds which tensor.
        var files: [String: SafetensorsFile] = [:]
        var location: [String: SafetensorsFile] = [:]
        let single = folder.appendingPathComponent("model.safetensors")
        let index = folder.appendingPathComponent("model.safetensors.index.json")
        if fm.fileExists(atPath: single.path) {
            let f = try SafetensorsFile(path: single.path)
            for name in f.entries.keys { location[name] = f }
        } else if fm.fileExists(atPath: index.path) {
            let j = try JSONObject(contentsOf: index)
            guard let map = try j.object("weight_map") else { throw ModelError("\(index.path): missing key \"weight_map\"") }
            for (name, fileAny) in map.dict {
                guard let file = fileAny as? String, !file.contains("/") else { throw ModelError("\(index.path): bad file name for tensor '\(name)'") }
                if files[file] == nil { files[file] = try SafetensorsFile(path: folder.appendingPathComponent(file).path) }
                guard files[file]!.entries[name] != nil else {
                    throw ModelError("\(index.path): tensor '\(name)' is mapped to \(file), which does not contain it")
                }
                location[name] = files[file]
            }
        } else {
            throw ModelError("\(path): no model.safetensors or model.safetensors.index.json in the model folder")
        }
        var expected = Set<String>()
        for t in layout.tensors {
            expected.insert(t.name)
            guard let f = location[t.name] else {
                throw ModelError("\(path): tensor '\(t.name)' is missing from the safetensors files")
            }
            let e = f.entries[t.name]!
            guard e.shape == t.shape else {
                throw ModelError("\(f.path): tensor '\(t.name)' has shape \(e.shape), expected \(t.shape) from config.json")
            }
            guard [.F32, .F16, .BF16, .F64].contains(e.dtype) else {
                throw ModelError("\(f.path): tensor '\(t.name)' has dtype \(e.dtype.rawValue); F32, F16 or BF16 expected")
            }
            try f.read(t.name, into: params.pointer + t.offset)
            let values = UnsafeBufferPointer(start: params.pointer + t.offset, count: t.count)
            if let first = values.firstIndex(where: { !$0.isFinite }) {
                let count = values.reduce(0) { $0 + ($1.isFinite ? 0 : 1) }
                throw ModelError("\(f.path): tensor '\(t.name)' holds \(count) non-finite value\(count == 1 ? "" : "s") (first: \(values[first].isNaN ? "nan" : "\(values[first])") at index \(first)); the checkpoint is damaged, or was saved after a diverging step")
            }
        }
        for name in location.keys where !expected.contains(name) {
            if name.hasSuffix("rotary_emb.inv_freq") || (config.tieWordEmbeddings && name == "lm_head.weight") { continue }
            throw ModelError("\(location[name]!.path): unexpected tensor '\(name)' for a \(config.family.rawValue) model")
        }
        if tokenizer.eosTokenId == nil { tokenizer.eosTokenId = config.eosTokenIds.first }
        if tokenizer.bosTokenId == nil { tokenizer.bosTokenId = config.bosTokenId }
        let model = try LanguageModel(config: config, tokenizer: tokenizer, parameters: params)
        var stops = Set(config.eosTokenIds)
        if let e = tokenizer.eosTokenId { stops.insert(e) }
        let gen = folder.appendingPathComponent("generation_config.json")
        if fm.fileExists(atPath: gen.path) {
            let g = try JSONObject(contentsOf: gen)
            if let e = g.dict["eos_token_id"] {
                if let list = e as? [Any] { stops.formUnion(list.compactMap(JSONObject.asInt)) } else if let i = JSONObject.asInt(e) { stops.insert(i) }
            }
        }
        model.stopTokenIds = stops
        return model
    }

    /// Saves the model as a Hugging Face folder that transformers' `AutoModelForCausalLM` and
    /// `AutoTokenizer` load: config.json, generation_config.json, model.safetensors (F32),
    /// tokenizer.json, tokenizer_config.json. Atomic: written into a temporary sibling folder that
    /// then replaces `path`. `extra` writes more files into the folder before the swap (checkpoints).
    public func save(to path: String, extra: ((URL) throws -> Void)? = nil) throws {
        try AtomicFolder.write(URL(fileURLWithPath: path)) { tmp in
            try writeFiles(into: tmp)
            try extra?(tmp)
        }
    }

    func writeFiles(into folder: URL) throws {
        var cfg = config
        if cfg.eosTokenIds.isEmpty, let e = tokenizer.eosTokenId { cfg.eosTokenIds = [e] }
        if cfg.bosTokenId == nil { cfg.bosTokenId = tokenizer.bosTokenId }
        if cfg.padTokenId == nil { cfg.padTokenId = tokenizer.padTokenId }
        try writeAtomically(try jsonData(cfg.huggingFaceJSON()), to: folder.appendingPathComponent("config.json"))
        var gen: [String: Any] = ["_from_model_config": true]
        if let b = cfg.bosTokenId { gen["bos_token_id"] = b }
        let eos = Array(stopTokenIds.union(cfg.eosTokenIds)).sorted()
        if !eos.isEmpty { gen["eos_token_id"] = eos.count == 1 ? eos[0] as Any : eos as Any }
        if let p = cfg.padTokenId { gen["pad_token_id"] = p }
        try writeAtomically(try jsonData(gen), to: folder.appendingPathComponent("generation_config.json"))
        let tensors = layout.tensors.map {
            SafetensorsWriter.Tensor(name: $0.name, shape: $0.shape,
                                     values: UnsafeBufferPointer(start: params.pointer + $0.offset, count: $0.count))
        }
        try SafetensorsWriter.write(tensors, metadata: ["format": "pt"], to: folder.appendingPathComponent("model.safetensors"))
        try writeAtomically(try tokenizer.huggingFaceJSON(), to: folder.appendingPathComponent("tokenizer.json"))
        try writeAtomically(try tokenizer.huggingFaceConfigJSON(contextLength: config.maxPositions),
                            to: folder.appendingPathComponent("tokenizer_config.json"))
    }
}
