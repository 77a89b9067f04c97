/// The buffer behind one or more tensors: `count` Float32 values, 64-byte aligned.
///
/// Tensors share a storage when one is a view of another (reshape, transpose, slice) or a copy of
/// it; writes go through `Tensor`'s copy-on-write check, except for the documented in-place updates
/// of parameters by optimizers.
final class TensorStorage: @unchecked Sendable {
    /// The first element.
    let base: UnsafeMutablePointer<Float>
    /// The number of elements.
    let count: Int

    /// Uninitialised memory for `count` elements. Callers check the memory limit first.
    init(uninitializedCount count: Int) {
        self.count = count
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(1, count) * 4, alignment: 64)
        base = raw.bindMemory(to: Float.self, capacity: max(1, count))
    }

    /// Zero-filled memory for `count` elements.
    convenience init(zeroedCount count: Int) {
        self.init(uninitializedCount: count)
        base.initialize(repeating: 0, count: count)
    }

    deinit { UnsafeMutableRawPointer(base).deallocate() }
}
