extension Tensor {
    /// The same elements with a new shape (one entry may be -1, inferred). A view when the tensor is
    /// contiguous, else a copy (like `torch.reshape`). Differentiable.
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        let resolved = try resolveShape(newShape, op: "reshaped")
        if resolved == shape { return self }
        let src = isContiguous ? self : contiguous()
        let out = Tensor(storage: src.storage, shape: resolved, strides: Shape.contiguousStrides(resolved), offset: src.offset)
        return Autograd.record(out, .reshape(inputShape: shape), inputs: [src])
    }

    /// `newShape` with a -1 entry resolved; throws when the element counts differ.
    func resolveShape(_ newShape: [Int], op: String) throws -> [Int] {
        let n = count
        let minusOnes = newShape.filter { $0 == -1 }.count
        if minusOnes > 1 { throw TensorError(op, "only one dimension can be -1, got \(fmt(newShape))") }
        if let bad = newShape.first(where: { $0 < -1 }) {
            throw TensorError(op, "invalid dimension \(bad) in \(fmt(newShape))")
        }
        if minusOnes == 1 {
            let known = try Shape.count(newShape.filter { $0 != -1 }, op: op)
            if known == 0 || n % known != 0 {
                throw TensorError(op, "cannot reshape \(fmt(shape)) (\(n) elements) to \(fmt(newShape))")
            }
            return newShape.map { $0 == -1 ? n / known : $0 }
        }
        let m = try Shape.count(newShape, op: op)
        if m != n {
            throw TensorError(op, "cannot reshape \(fmt(shape)) (\(n) elements) to \(fmt(newShape)) (\(m) elements)")
        }
        return newShape
    }

    /// A 1-D view (or copy) of all elements.
    public func flattened() -> Tensor {
        // The count always matches, so this cannot throw.
        (try? reshaped([count])) ?? self
    }

    /// The axes reordered: output axis `i` is input axis `axes[i]` (`torch.permute`). A view.
    public func permuted(_ axes: [Int]) throws -> Tensor {
        let normalized = try axes.map { try Shape.axis($0, rank: rank, op: "permuted") }
        if axes.count != rank || Set(normalized).count != rank {
            throw TensorError("permuted", "axes \(fmt(axes)) are not a permutation of the \(rank) axes of \(fmt(shape))")
        }
        return permutedUnchecked(normalized)
    }

    func permutedUnchecked(_ axes: [Int]) -> Tensor {
        if axes == Array(0..<rank) { return self }
        let out = Tensor(storage: storage, shape: axes.map { shape[$0] }, strides: axes.map { strides[$0] }, offset: offset)
        return Autograd.record(out, .permute(axes: axes), inputs: [self])
    }

    /// Axes `a` and `b` swapped (`torch.transpose`). A view.
    public func transposed(_ a: Int, _ b: Int) throws -> Tensor {
        let i = try Shape.axis(a, rank: rank, op: "transposed"), j = try Shape.axis(b, rank: rank, op: "transposed")
        var axes = Array(0..<rank)
        axes.swapAt(i, j)
        return permutedUnchecked(axes)
    }

    /// The matrix transpose of a rank-2 tensor; for other ranks, all axes reversed (NumPy's `.T`).
    public var T: Tensor { permutedUnchecked(Array((0..<rank).reversed())) }

    /// The last two axes swapped (`torch.Tensor.mT`, a batch of matrix transposes). A view.
    public var mT: Tensor {
        get throws {
            if rank < 2 { throw TensorError("mT", "needs at least 2 dimensions, got shape \(fmt(shape))") }
            return permutedUnchecked(Array(0..<(rank - 2)) + [rank - 1, rank - 2])
        }
    }

    /// A view broadcast to `target` (NumPy `broadcast_to`, `torch.expand`): size-1 axes repeat with
    /// stride 0 and new leading axes are added. Differentiable (the gradient sums over the copies).
    public func expanded(to target: [Int]) throws -> Tensor {
        if target == shape { return self }
        let n = try Shape.count(target, op: "expanded")
        let ok = target.count >= rank && zip(shape, target.suffix(rank)).allSatisfy { $0 == $1 || $0 == 1 }
        if !ok { throw TensorError("expanded", "cannot broadcast \(fmt(shape)) to \(fmt(target))") }
        try TensorMemory.check(count: n, shape: target, op: "expanded")
        let out = Tensor(storage: storage, shape: target,
                         strides: Shape.broadcastStrides(shape: shape, strides: strides, to: target), offset: offset)
        return Autograd.record(out, .expand(inputShape: shape), inputs: [self])
    }

    /// Size-1 axes removed: all of them, or only `axis` (which must have size 1).
    public func squeezed(axis: Int? = nil) throws -> Tensor {
        if let axis {
            let a = try Shape.axis(axis, rank: rank, op: "squeezed")
            if shape[a] != 1 { throw TensorError("squeezed", "axis \(axis) has size \(shape[a]), not 1, in \(fmt(shape))") }
            var s = shape
            s.remove(at: a)
            return try reshaped(s)
        }
        return try reshaped(shape.filter { $0 != 1 })
    }

    /// A size-1 axis inserted at `axis` (in `-(rank+1)...rank`).
    public func unsqueezed(axis: Int) throws -> Tensor {
        let a = axis < 0 ? axis + rank + 1 : axis
        if a < 0 || a > rank { throw TensorError("unsqueezed", "axis \(axis) out of range for rank \(rank) (valid: \(-rank - 1)...\(rank))") }
        var s = shape
        s.insert(1, at: a)
        return try reshaped(s)
    }

    /// Elements `start..<end` by `step` along `axis` (bounds clamped like Python slices; negative
    /// bounds count from the end). A view.
    public func sliced(axis: Int, start: Int? = nil, end: Int? = nil, step: Int = 1) throws -> Tensor {
        let a = try Shape.axis(axis, rank: rank, op: "sliced")
        let (s, c) = try Tensor.sliceBounds(start, end, step, size: shape[a], op: "sliced")
        var starts = [Int](repeating: 0, count: rank), counts = shape, steps = [Int](repeating: 1, count: rank)
        starts[a] = s; counts[a] = c; steps[a] = step
        return slicedView(starts: starts, counts: counts, steps: steps)
    }

    /// Python slice bounds: returns the first index and the number of elements.
    static func sliceBounds(_ start: Int?, _ end: Int?, _ step: Int, size: Int, op: String) throws -> (Int, Int) {
        if step <= 0 { throw TensorError(op, "step must be positive, got \(step)") }
        func clamp(_ v: Int?, _ dflt: Int) -> Int {
            guard var v else { return dflt }
            if v < 0 { v += size }
            return Swift.min(Swift.max(v, 0), size)
        }
        let s = clamp(start, 0), e = clamp(end, size)
        let c = e > s ? (e - s + step - 1) / step : 0
        return (s, c)
    }

    /// The strided window `starts[i] + k * steps[i]`, `k < counts[i]`, of every axis.
    func slicedView(starts: [Int], counts: [Int], steps: [Int]) -> Tensor {
        if counts == shape && starts.allSatisfy({ $0 == 0 }) { return self }
        var o = offset
        for i in 0..<rank where counts[i] > 0 { o += starts[i] * strides[i] }
        let out = Tensor(storage: storage, shape: counts, strides: zip(strides, steps).map { $0 * $1 }, offset: o)
        return Autograd.record(out, .slice(inputShape: shape, starts: starts, steps: steps), inputs: [self])
    }

    /// The resolved form of a subscript: the strided window, then the final shape (indexed axes
    /// dropped, new axes inserted).
    private func resolveIndices(_ indices: [TensorIndex], op: String) throws -> (starts: [Int], counts: [Int], steps: [Int], final: [Int]) {
        let ellipses = indices.filter { $0 == .ellipsis }.count
        if ellipses > 1 { throw TensorError(op, "only one ellipsis (...) is allowed") }
        let used = indices.filter { $0 != .newAxis && $0 != .ellipsis }.count
        if used > rank { throw TensorError(op, "too many indices (\(used)) for a tensor of rank \(rank) (shape \(fmt(shape)))") }
        var expanded: [TensorIndex] = []
        for ix in indices {
            if ix == .ellipsis { expanded += Array(repeating: .all, count: rank - used) } else { expanded.append(ix) }
        }
        while expanded.filter({ $0 != .newAxis }).count < rank { expanded.append(.all) }
        var starts = [Int](repeating: 0, count: rank), counts = shape, steps = [Int](repeating: 1, count: rank)
        var final: [Int] = []
        var axis = 0
        for ix in expanded {
            switch ix {
            case .newAxis:
                final.append(1)
            case .all, .ellipsis:
                final.append(shape[axis]); axis += 1
            case .at(let i):
                let j = i < 0 ? i + shape[axis] : i
                if j < 0 || j >= shape[axis] {
                    throw TensorError(op, "index \(i) out of range for axis \(axis) of size \(shape[axis]) (shape \(fmt(shape)))")
                }
                starts[axis] = j; counts[axis] = 1; axis += 1
            case .range(let s, let e, let step):
                let (b, c) = try Tensor.sliceBounds(s, e, step, size: shape[axis], op: op)
                starts[axis] = b; counts[axis] = c; steps[axis] = step
                final.append(c); axis += 1
            }
        }
        return (starts, counts, steps, final)
    }

    /// NumPy-style basic indexing: `t[1, 0..<2]`, `t[TensorIndex.all, -1]`. Views; differentiable.
    public subscript(_ indices: any TensorIndexConvertible...) -> Tensor {
        get throws { try self[indices: indices.map(\.tensorIndex)] }
    }

    /// Basic indexing with explicit `TensorIndex` values (see `subscript(_:)`).
    public subscript(indices indices: [TensorIndex]) -> Tensor {
        get throws {
            let r = try resolveIndices(indices, op: "index")
            let window = slicedView(starts: r.starts, counts: r.counts, steps: r.steps)
            return r.final == window.shape ? window : try window.reshaped(r.final)
        }
    }

    /// Writes `value` (broadcast to the indexed shape) into the elements `t[indices]` selects, like
    /// `t[1, :2] = value` in NumPy. Not differentiable; copy-on-write unless this is a parameter
    /// written inside `withNoGrad { }`.
    public mutating func assign(_ value: Tensor, at indices: [TensorIndex]) throws {
        let r = try resolveIndices(indices, op: "assign")
        // NumPy drops a value's leading axes of size 1 beyond the target's rank (t[0] = [[1, 2]]).
        var value = value
        while value.rank > r.final.count, value.shape.first == 1 { value = try value.reshaped(Array(value.shape.dropFirst())) }
        let v: Tensor
        do { v = try value.expanded(to: r.final) } catch {
            throw TensorError("assign", "cannot broadcast value of shape \(fmt(value.shape)) to the indexed shape \(fmt(r.final))")
        }
        try prepareForWrite(op: "assign")
        var source = v.contiguousData()
        source.shape = r.counts
        source.strides = Shape.contiguousStrides(r.counts)
        var o = offset
        for i in 0..<rank where r.counts[i] > 0 { o += r.starts[i] * strides[i] }
        var target = Tensor(storage: storage, shape: r.counts, strides: zip(strides, r.steps).map { $0 * $1 }, offset: o)
        target.copyElements(from: source)
    }

    /// Writes `value` (broadcast) into the elements selected by `indices` (see `assign(_:at:)`).
    public mutating func assign(_ value: Tensor, at indices: any TensorIndexConvertible...) throws {
        try assign(value, at: indices.map(\.tensorIndex))
    }
}
