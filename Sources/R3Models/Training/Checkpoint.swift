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

/// The `checkpoint-<step>` folders of a training run (SFT here, GRPO in R3Train).
public enum Checkpoint {
    public static func folderName(step: Int) -> String { "checkpoint-\(step)" }

    /// Writes `directory/checkpoint-<step>` atomically and removes all but the newest `keep`.
    static func write(model: LanguageModel, optimizer: AdamW, state: TrainerState, directory: String, keep: Int) throws -> String {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(folderName(step: state.step)).path
        try model.save(to: path) { tmp in
            try optimizer.writeState(into: tmp)
            try writeAtomically(try jsonData(state.json()), to: tmp.appendingPathComponent("trainer_state.json"))
        }
        prune(directory, keep: keep)
        return path
    }

    /// Removes all but the newest `keep` (at least 1) complete checkpoints of `directory`.
    public static func prune(_ directory: String, keep: Int) {
        for old in list(directory).dropLast(max(keep, 1)) { try? FileManager.default.removeItem(atPath: old.path) }
    }

    /// Complete checkpoints in `directory`, oldest first.
    public static func list(_ directory: String) -> [(step: Int, path: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { name -> (Int, String)? in
            guard name.hasPrefix("checkpoint-"), let s = Int(name.dropFirst("checkpoint-".count)) else { return nil }
            let p = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            return FileManager.default.fileExists(atPath: p + "/trainer_state.json") ? (s, p) : nil
        }.sorted { $0.0 < $1.0 }
    }

    /// A checkpoint folder, or the newest checkpoint inside a directory of them.
    public static func resolve(_ path: String) throws -> String {
        if FileManager.default.fileExists(atPath: path + "/trainer_state.json") { return path }
        guard let last = list(path).last else { throw ModelError("\(path): no checkpoint (no trainer_state.json) to resume from") }
        return last.path
    }

    /// Restores weights and optimizer moments into `model` / `optimizer`; returns the trainer state.
    static func restore(_ path: String, model: LanguageModel, optimizer: AdamW) throws -> TrainerState {
        try model.loadWeights(from: path)
        try optimizer.restoreState(from: path)
        let state = try TrainerState(JSONObject(contentsOf: URL(fileURLWithPath: path + "/trainer_state.json")))
        return state
    }
}
