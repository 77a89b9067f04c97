import Foundation
import R3Models
import R3Plot
import R3Random

/// Checkpoints of the whole reflect / retry / reward loop. `<dir>/checkpoint-<step>` is a Hugging
/// Face folder of the policy (loadable by transformers) plus `optimizer.safetensors` (AdamW's
/// moments), `trainer_state.json` (step, the draw generator's state, the task order position, the
/// run's shape) and `metrics.csv` (the log so far). The frozen reference goes once to
/// `<dir>/reference`. Every folder is written atomically (temp + rename).
extension GRPOTrainer {
    static let stateFormat = "r3-grpo-checkpoint-1"

    /// Writes the reference model to `<dir>/reference` unless it is there already.
    func writeReference(into directory: String) throws {
        guard let reference else { return }
        let path = URL(fileURLWithPath: directory).appendingPathComponent("reference").path
        if FileManager.default.fileExists(atPath: path + "/config.json") { return }
        try reference.save(to: path)
    }

    /// Writes `<dir>/checkpoint-<step>` and prunes old ones.
    func writeCheckpoint() throws {
        guard let dir = config.checkpointDirectory else { return }
        let path = URL(fileURLWithPath: dir).appendingPathComponent(Checkpoint.folderName(step: step)).path
        let state = try JSONSerialization.data(withJSONObject: stateJSON(), options: [.prettyPrinted, .sortedKeys])
        let metrics = Data(log.csv.utf8)
        try policy.save(to: path) { tmp in
            try self.optimizer.writeState(into: tmp)
            try state.write(to: tmp.appendingPathComponent("trainer_state.json"))
            try metrics.write(to: tmp.appendingPathComponent("metrics.csv"))
        }
        Checkpoint.prune(dir, keep: config.keepCheckpoints)
        lastCheckpoint = path
    }

    func stateJSON() -> [String: Any] {
        func words(_ w: [UInt64]) -> [String] { w.map { String($0) } }
        return ["format": Self.stateFormat, "step": step, "total_steps": config.steps, "rng_state": words(rng.stateWords),
                "task_epoch": cursor.epoch, "task_position": cursor.position, "task_epoch_rng_state": words(cursor.epochStartState),
                "tasks": tasks.count, "mode": config.mode.rawValue, "group": config.group, "tasks_per_step": config.tasksPerStep,
                "seed": String(config.seed)]
    }

    /// Continues from a checkpoint folder (or the newest in a directory of them): the policy's
    /// weights, AdamW's state, the step, the draw generator, the task order and the metrics log.
    /// The continuation is bit-identical to an uninterrupted run with the same settings and thread count.
    /// Call it on a new trainer, before `run`; the saved records are added to `log`.
    public func resume(from path: String) throws {
        let folder: String
        do { folder = try Checkpoint.resolve(path) } catch { throw TrainError("\(error)") }
        let stateURL = URL(fileURLWithPath: folder).appendingPathComponent("trainer_state.json")
        guard let data = FileManager.default.contents(atPath: stateURL.path),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw TrainError("\(stateURL.path): missing or not a JSON object")
        }
        func value<T>(_ key: String, _ type: T.Type) throws -> T {
            guard let v = json[key] as? T else { throw TrainError("\(stateURL.path): missing or malformed \"\(key)\"") }
            return v
        }
        func words(_ key: String) throws -> [UInt64] {
            let w = try value(key, [String].self).compactMap { UInt64($0) }
            guard w.count == 4 else { throw TrainError("\(stateURL.path): \"\(key)\" must hold 4 words") }
            return w
        }
        guard try value("format", String.self) == Self.stateFormat else {
            throw TrainError("\(stateURL.path): not a reflect / retry / reward checkpoint (format \(json["format"] ?? "none"))")
        }
        let saved = (tasks: try value("tasks", Int.self), mode: try value("mode", String.self), group: try value("group", Int.self),
                     perStep: try value("tasks_per_step", Int.self))
        guard saved.tasks == tasks.count, saved.mode == config.mode.rawValue, saved.group == config.group,
              saved.perStep == config.tasksPerStep else {
            throw TrainError("\(folder): the checkpoint was made with \(saved.tasks) tasks, mode \(saved.mode), group \(saved.group), \(saved.perStep) tasks per step; this run has \(tasks.count), \(config.mode.rawValue), \(config.group), \(config.tasksPerStep)")
        }
        let restoredCursor = try TaskCursor(count: tasks.count, epoch: try value("task_epoch", Int.self),
                                            position: try value("task_position", Int.self),
                                            epochStartState: try words("task_epoch_rng_state"))
        let restoredRNG = RandomGenerator(stateWords: try words("rng_state"))
        let restoredLog: MetricsLog
        do { restoredLog = try MetricsLog.readCSV(from: folder + "/metrics.csv") } catch { throw TrainError("\(error)") }
        do {
            try policy.loadWeights(from: folder)
            try optimizer.restoreState(from: folder)
        } catch { throw TrainError("\(error)") }
        step = try value("step", Int.self)
        cursor = restoredCursor
        rng = restoredRNG
        for record in restoredLog.records { log.add(step: record.step, record.values) }
        lastCheckpoint = folder
    }
}
