/// A Float32 n-dimensional tensor with value semantics and reverse-mode autograd.
///
/// Layout: `shape`, `strides` (in elements) and `offset` into a shared `TensorStorage`. Views
/// (`reshaped` of a contiguous tensor, `transposed`, `permuted`, `expanded`, slices) share storage;
/// writes copy first when the storage is shared (copy-on-write), so a `Tensor` behaves like a value.
///
/// The one exception is a *parameter* (a leaf with `requiresGrad`): all copies of it share one
/// autograd node (so `.grad` is visible through any copy) and one storage, and optimizers update
/// that storage in place, so every holder sees the new weights (as `p.data` updates do in PyTorch).
public struct Tensor: @unchecked Sendable {
    var storage: TensorStorage
    /// The size of each dimension (`[]` for a scalar).
    public internal(set) var shape: [Int]
    /// The distance in elements between neighbours along each dimension (0 for a broadcast dimension).
    public internal(set) var strides: [Int]
    /// The index of the first element in the storage.
    public internal(set) var offset: Int
    /// The autograd node: the op that made this tensor, or the leaf identity of a parameter.
    var node: GradNode?

    init(storage: TensorStorage, shape: [Int], strides: [Int], offset: Int = 0, node: GradNode? = nil) {
        self.storage = storage
        self.shape = shape
        self.strides = strides
        self.offset = offset
        self.node = node
    }

    /// A contiguous tensor over fresh storage with undefined contents; checks the memory limit.
    static func uninitialized(_ shape: [Int], op: String) throws -> Tensor {
        let n = try Shape.count(shape, op: op)
        try TensorMemory.check(count: n, shape: shape, op: op)
        return Tensor(storage: TensorStorage(uninitializedCount: n), shape: shape, strides: Shape.contiguousStrides(shape))
    }

    /// A contiguous tensor over fresh storage, for shapes no larger than an existing tensor's.
    static func uninitialized(validShape shape: [Int]) -> Tensor {
        Tensor(storage: TensorStorage(uninitializedCount: Shape.product(shape)), shape: shape,
               strides: Shape.contiguousStrides(shape))
    }

    /// A tensor of `shape` holding `data` in row-major order.
    /// Throws when `data.count` is not the product of `shape`.
    public init(shape: [Int], data: [Float]) throws {
        let n = try Shape.count(shape, op: "tensor")
        if n != data.count {
            throw TensorError("tensor", "data has \(data.count) values but shape \(fmt(shape)) needs \(n)")
        }
        try TensorMemory.check(count: n, shape: shape, op: "tensor")
        self = Tensor.uninitialized(validShape: shape)
        data.withUnsafeBufferPointer { src in
            if let b = src.baseAddress { storage.base.update(from: b, count: n) }
        }
    }

    /// A rank-0 tensor holding `value`.
    public init(_ value: Float) {
        self = Tensor.uninitialized(validShape: [])
        storage.base[0] = value
    }

    /// A 1-D tensor holding `values`.
    public init(_ values: [Float]) {
        // A 1-D array always fits: its count is already in memory.
        self = Tensor.uninitialized(validShape: [values.count])
        values.withUnsafeBufferPointer { src in
            if let b = src.baseAddress { storage.base.update(from: b, count: values.count) }
        }
    }

    /// A contiguous tensor of `shape` whose elements `fill` writes (row-major, `count` elements).
    /// The buffer is uninitialised: `fill` must write every element.
    public init(shape: [Int], fill: (UnsafeMutableBufferPointer<Float>) throws -> Void) throws {
        self = try Tensor.uninitialized(shape, op: "tensor")
        try fill(UnsafeMutableBufferPointer(start: storage.base, count: storage.count))
    }

    // MARK: - Properties

    /// The number of dimensions.
    public var rank: Int { shape.count }
    /// The number of elements.
    public var count: Int { Shape.product(shape) }
    /// Whether the elements are laid out row-major with no gaps (so `withUnsafeBufferPointer` is free).
    public var isContiguous: Bool {
        var expected = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) where shape[i] != 1 {
            if strides[i] != expected { return false }
            expected *= shape[i]
        }
        return true
    }

    /// The first element's address (valid while `storage` lives).
    @inline(__always)
    var pointer: UnsafeMutablePointer<Float> { storage.base + offset }

    // MARK: - Element access

    /// The single value of a one-element tensor (any rank).
    public func item() throws -> Float {
        if count != 1 {
            throw TensorError("item", "tensor of shape \(fmt(shape)) has \(count) elements, not 1")
        }
        return pointer[0]
    }

    /// The element at `index` (one entry per dimension; negative entries count from the end).
    public func value(at index: [Int]) throws -> Float {
        if index.count != rank {
            throw TensorError("value", "index \(fmt(index)) has \(index.count) entries for a tensor of rank \(rank) (shape \(fmt(shape)))")
        }
        var o = offset
        for (i, v) in index.enumerated() {
            let j = v < 0 ? v + shape[i] : v
            if j < 0 || j >= shape[i] {
                throw TensorError("value", "index \(v) out of range for axis \(i) of size \(shape[i]) (shape \(fmt(shape)))")
            }
            o += j * strides[i]
        }
        return storage.base[o]
    }

    /// The elements in row-major order.
    public func toArray() -> [Float] {
        let c = contiguousData()
        return Array(UnsafeBufferPointer(start: c.pointer, count: c.count))
    }

    /// Calls `body` with the elements in row-major order (no copy when the tensor is contiguous).
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        let c = contiguousData()
        return try withExtendedLifetime(c) { try body(UnsafeBufferPointer(start: c.pointer, count: c.count)) }
    }

    /// Calls `body` with the elements in row-major order for writing.
    ///
    /// Copies first when the storage is shared or the layout is not contiguous (copy-on-write). A
    /// parameter (a leaf with `requiresGrad`) is written in place, visible to all its copies, and only
    /// inside `withNoGrad { }`; a tensor computed by a tracked op cannot be written (detach it first).
    public mutating func withUnsafeMutableBufferPointer<R>(_ body: (UnsafeMutableBufferPointer<Float>) throws -> R) throws -> R {
        try prepareForWrite(op: "withUnsafeMutableBufferPointer")
        return try body(UnsafeMutableBufferPointer(start: pointer, count: count))
    }

    /// Overwrites every element with `source`'s (same shape, any layout), like `p.copy_(source)`:
    /// how checkpoint loaders fill parameters (inside `withNoGrad { }`, where the write reaches
    /// every holder of the parameter). Not differentiable.
    public mutating func copyValues(from source: Tensor) throws {
        if source.shape != shape {
            throw TensorError("copyValues", "source shape \(fmt(source.shape)) does not match \(fmt(shape))")
        }
        try prepareForWrite(op: "copyValues")
        copyElements(from: source)
    }

    /// Makes the storage safe to write (unique and contiguous), honouring the parameter exception.
    mutating func prepareForWrite(op: String) throws {
        if let node {
            if node.isLeaf {
                if GradMode.isEnabled {
                    throw TensorError(op, "cannot modify a tensor that requires grad in place; "
                        + "wrap the update in withNoGrad { } (like torch.no_grad())")
                }
                if isContiguous { return }  // a parameter: write through to every holder
            } else {
                throw TensorError(op, "cannot modify a tensor computed by \(node.opName) in place; detach() it first")
            }
        }
        if !isKnownUniquelyReferenced(&storage) || !isContiguous {
            let c = copied()
            storage = c.storage
            strides = c.strides
            offset = 0
        }
    }

    // MARK: - Layout

    /// The same values in a contiguous layout (no copy when already contiguous). Differentiable.
    public func contiguous() -> Tensor {
        if isContiguous { return self }
        return Autograd.record(copied(), .contiguous, inputs: [self])
    }

    /// The data in a contiguous layout, without autograd (for kernels and export).
    func contiguousData() -> Tensor {
        isContiguous ? Tensor(storage: storage, shape: shape, strides: strides, offset: offset) : copied()
    }

    /// A fresh contiguous copy of the elements, without autograd.
    func copied() -> Tensor {
        var out = Tensor.uninitialized(validShape: shape)
        out.copyElements(from: self)
        return out
    }
}
