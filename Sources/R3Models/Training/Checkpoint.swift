import Foundation

/// A training checkpoint: a Hugging Face model folder (loadable by transformers and `LanguageModel.load`)
/// plus `optimizer.safetensors` (AdamW moments `exp_avg`, `exp_avg_sq` over the flat parameter
/// vector, in `model.parameterShapes` order) and `trainer_state.json` (step, data position, the
/// data-order generator's state words, and the run's settings). Written atomically.
struct TrainerState: Equatable {
    var step: Int
    var totalSteps: Int
    var data: DataPosition
    var exampleCount: Int
    var batchSize: Int
    var maxLength: Int
    var packing: Bool

    func json() -> [String: Any] {
        ["format": "r3-sft-checkpoint-1", "step": step, "total_steps": totalSteps, "epoch": data.epoch,
         "cursor": data.cursor, "epoch_rng_state": data.epochStartState.map { String($0) },
         "examples": exampleCount, "batch_size": batchSize, "max_length": maxLength, "packing": packing]
    }

    init(step: Int, totalSteps: Int, data: DataPosition, exampleCount: Int, batchSize: Int, maxLength: Int, packing: Bool) {
        self.step = step
        self.totalSteps = totalSteps
        self.data = data
        self.exampleCount = exampleCount
        self.batchSize = batchSize
        self.maxLength = maxLength
        self.packing = packing
    }

    init(_ j: JSONObject) throws {
        let words = try (j.array("epoch_rng_state") ?? []).map { w -> UInt64 in
            guard let s = w as? String, let v = UInt64(s) else { throw ModelError("\(j.source): bad epoch_rng_state") }
            return v
        }
        guard words.count == 4 else { throw ModelError("\(j.source): epoch_rng_state needs 4 words") }
        self.init(step: try j.int("step"), totalSteps: try j.int("total_steps"),
                  data: DataPosition(epoch: try j.int("epoch"), cursor: try j.int("cursor"), epochStartState: words),
                  exampleCount: try j.int("examples"), batchSize: try j.int("batch_size"), maxLength: try j.int("max_length"),
                  packing: try j.bool("packing", default: false))
    }
}

enum Checkpoint {
    static func folderName(step: Int) -> String { "checkpoint-\(step)" }

    /// Writes `directory/checkpoint-<step>` atomically and removes all but the newest `keep`.
    static func write(model: LanguageModel, optimizer: AdamW, state: TrainerState, directory: String, keep: Int) throws -> String {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(folderName(step: state.step)).path
        try model.save(to: path) { tmp in
            let n = model.parameterCount
            try SafetensorsWriter.write([
                .init(name: "exp_avg", shape: [n], values: UnsafeBufferPointer(start: optimizer.m.pointer, count: n)),
                .init(name: "exp_avg_sq", shape: [n], values: UnsafeBufferPointer(start: optimizer.v.pointer, count: n)),
            ], metadata: ["step": String(optimizer.step)], to: tmp.appendingPathComponent("optimizer.safetensors"))
            try writeAtomically(try jsonData(state.json()), to: tmp.appendingPathComponent("trainer_state.json"))
        }
        let all = list(directory)
        for old in all.dropLast(max(keep, 1)) { try? FileManager.default.removeItem(atPath: old.path) }
        return path
    }

    /// Complete checkpoints in `directory`, oldest first.
    static func list(_ directory: String) -> [(step: Int, path: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { name -> (Int, String)? in
            guard name.hasPrefix("checkpoint-"), let s = Int(name.dropFirst("checkpoint-".count)) else { return nil }
            let p = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            return FileManager.default.fileExists(atPath: p + "/trainer_state.json") ? (s, p) : nil
        }.sorted { $0.0 < $1.0 }
    }

    /// A checkpoint folder, or the newest checkpoint inside a directory of them.
    static func resolve(_ path: String) throws -> String {
        if FileManager.default.fileExists(atPath: path + "/trainer_state.json") { return path }
        guard let last = list(path).last else { throw ModelError("\(path): no checkpoint (no trainer_state.json) to resume from") }
        return last.path
    }

    /// Restores weights and optimizer moments into `model` / `optimizer`; returns the trainer state.
    static func restore(_ path: String, model: LanguageModel, optimizer: AdamW) throws -> TrainerState {
        let saved = try LanguageModel.load(path)
        guard saved.config.vocabSize == model.config.vocabSize, saved.parameterCount == model.parameterCount,
              saved.parameterShapes.map(\.shape) == model.parameterShapes.map(\.shape) else {
            throw ModelError("\(path): the checkpoint's architecture differs from the model being trained")
        }
        model.params.copy(from: saved.params)
        let opt = try SafetensorsFile(path: path + "/optimizer.safetensors")
        for (name, buf) in [("exp_avg", optimizer.m), ("exp_avg_sq", optimizer.v)] {
            guard opt.entries[name]?.count == model.parameterCount else {
                throw ModelError("\(path)/optimizer.safetensors: tensor '\(name)' does not match the model's \(model.parameterCount) parameters")
            }
            try opt.read(name, into: buf.pointer)
        }
        let state = try TrainerState(JSONObject(contentsOf: URL(fileURLWithPath: path + "/trainer_state.json")))
        optimizer.step = Int(opt.metadata["step"] ?? "") ?? state.step
        return state
    }
}
