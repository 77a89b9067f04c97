import Foundation

extension AdamW {
    /// Writes the optimizer state as `optimizer.safetensors` in `folder`: `exp_avg` and `exp_avg_sq`,
    /// each one flat F32 vector over the model's parameters in `model.parameterShapes` order, and
    /// the update count as metadata `step` (PyTorch's names for AdamW's moments).
    public func writeState(into folder: URL) throws {
        let n = m.count
        try SafetensorsWriter.write([
            .init(name: "exp_avg", shape: [n], values: UnsafeBufferPointer(start: m.pointer, count: n)),
            .init(name: "exp_avg_sq", shape: [n], values: UnsafeBufferPointer(start: v.pointer, count: n)),
        ], metadata: ["step": String(step)], to: folder.appendingPathComponent("optimizer.safetensors"))
    }

    /// Restores the state `writeState` wrote into `folder`.
    /// - Throws: a `ModelError` naming the file when it is missing, malformed, or made for a model
    ///   with a different number of parameters.
    public func restoreState(from folder: String) throws {
        let path = folder + "/optimizer.safetensors"
        let file = try SafetensorsFile(path: path)
        for (name, buf) in [("exp_avg", m), ("exp_avg_sq", v)] {
            guard file.entries[name]?.count == buf.count else {
                throw ModelError("\(path): tensor '\(name)' does not match the model's \(buf.count) parameters")
            }
            try file.read(name, into: buf.pointer)
        }
        guard let s = file.metadata["step"], let count = Int(s), count >= 0 else {
            throw ModelError("\(path): the metadata has no valid 'step' (the number of updates done)")
        }
        step = count
    }
}
