extension Tensor {
    /// Joins tensors along an existing `axis` (`torch.cat`); all other dimensions must match.
    public static func concat(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor {
        guard let first = tensors.first else { throw TensorError("concat", "needs at least one tensor") }
        let a = try Shape.axis(axis, rank: first.rank, op: "concat")
        for (i, t) in tensors.enumerated() {
            var s1 = t.shape, s0 = first.shape
            if t.rank == first.rank { s1[a] = 0; s0[a] = 0 }
            if s1 != s0 {
                throw TensorError("concat", "tensor \(i) has shape \(fmt(t.shape)) but tensor 0 has \(fmt(first.shape)); "
                    + "only axis \(axis) may differ")
            }
        }
        var shape = first.shape
        shape[a] = tensors.reduce(0) { $0 + $1.shape[a] }
        var out = try uninitialized(shape, op: "concat")
        var start = 0
        for t in tensors {
            var starts = [Int](repeating: 0, count: shape.count)
            starts[a] = start
            var window = out.detached().slicedView(starts: starts, counts: t.shape, steps: [Int](repeating: 1, count: shape.count))
            window.copyElements(from: t)
            start += t.shape[a]
        }
        out.node = nil
        return Autograd.record(out, .concat(axis: a, sizes: tensors.map { $0.shape[a] }), inputs: tensors)
    }

    /// Joins same-shaped tensors along a new `axis` (`torch.stack`).
    public static func stack(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor {
        guard let first = tensors.first else { throw TensorError("stack", "needs at least one tensor") }
        for (i, t) in tensors.enumerated() where t.shape != first.shape {
            throw TensorError("stack", "tensor \(i) has shape \(fmt(t.shape)) but tensor 0 has \(fmt(first.shape)); all must match")
        }
        let a = axis < 0 ? axis + first.rank + 1 : axis
        if a < 0 || a > first.rank { throw TensorError("stack", "axis \(axis) out of range for rank \(first.rank + 1)") }
        return try concat(tensors.map { try $0.unsqueezed(axis: a) }, axis: a)
    }

    /// Checks indices against an axis of size `size` (negative ones count from the end).
    static func checkedIndices(_ indices: [Int], size: Int, op: String) throws -> [Int32] {
        if size > Int(Int32.max) { throw TensorError(op, "axis of size \(size) is too long to index (at most \(Int32.max))") }
        return try indices.enumerated().map { i, v in
            let j = v < 0 ? v + size : v
            if j < 0 || j >= size { throw TensorError(op, "index \(v) at position \(i) is out of range for an axis of size \(size)") }
            return Int32(j)
        }
    }

    /// The slices at `indices` along `axis` (`torch.index_select`); the axis gets `indices.count` entries.
    public func indexSelect(axis: Int, indices: [Int]) throws -> Tensor {
        let a = try Shape.axis(axis, rank: rank, op: "index_select")
        let idx = try Tensor.checkedIndices(indices, size: shape[a], op: "index_select")
        return try indexSelect(axis: a, checked: idx)
    }

    /// `indexSelect` with indices held in a 1-D tensor of integral values.
    public func indexSelect(axis: Int, indices: Tensor) throws -> Tensor {
        if indices.rank != 1 { throw TensorError("index_select", "indices must be 1-D, got shape \(fmt(indices.shape))") }
        return try indexSelect(axis: axis, indices: indices.integerValues(op: "index_select", what: "index").map(Int.init))
    }

    func indexSelect(axis a: Int, checked idx: [Int32]) throws -> Tensor {
        var shape = self.shape
        shape[a] = idx.count
        let out = try Tensor.uninitialized(shape, op: "index_select")
        if out.count == 0 { return Autograd.record(out, .indexSelect(inputShape: self.shape, axis: a, indices: idx), inputs: [self]) }
        let x = contiguousData()
        let outer = self.shape[..<a].reduce(1, *), size = self.shape[a], inner = self.shape[(a + 1)...].reduce(1, *)
        withExtendedLifetime(x) {
            idx.withUnsafeBufferPointer { ip in
                for o in 0..<outer {
                    Kernels.embeddingForward(out.pointer + o * idx.count * inner, table: x.pointer + o * size * inner,
                                             ids: ip.baseAddress!, count: idx.count, dim: inner)
                }
            }
        }
        return Autograd.record(out, .indexSelect(inputShape: self.shape, axis: a, indices: idx), inputs: [self])
    }

    /// Rows of this table [vocab, dim] for each id: ids of shape S give [S..., dim] (`F.embedding`).
    public func embedding(_ ids: Tensor) throws -> Tensor {
        if rank != 2 { throw TensorError("embedding", "the table must be 2-D [vocab, dim], got shape \(fmt(shape))") }
        let flat = try ids.integerValues(op: "embedding", what: "id")
        return try embedding(ids: flat.map(Int.init), shape: ids.shape)
    }

    /// Rows of this table [vocab, dim] for integer `ids` laid out with `shape` (default 1-D).
    public func embedding(ids: [Int], shape idsShape: [Int]? = nil) throws -> Tensor {
        if rank != 2 { throw TensorError("embedding", "the table must be 2-D [vocab, dim], got shape \(fmt(shape))") }
        let s = idsShape ?? [ids.count]
        if Shape.product(s) != ids.count {
            throw TensorError("embedding", "\(ids.count) ids do not fill the shape \(fmt(s))")
        }
        for (i, v) in ids.enumerated() where v < 0 || v >= shape[0] {
            throw TensorError("embedding", "id \(v) at position \(i) is out of range for a table of \(shape[0]) rows")
        }
        let checked = try Tensor.checkedIndices(ids, size: shape[0], op: "embedding")
        return try indexSelect(axis: 0, checked: checked).reshaped(s + [shape[1]])
    }

    /// Values picked along `axis` by `index` (`torch.gather`): out[i][j][k] = self[index[i][j][k]][j][k]
    /// for axis 0. `index` has the same rank; its other dimensions must not exceed this tensor's.
    public func gather(axis: Int, index: Tensor) throws -> Tensor {
        let a = try Shape.axis(axis, rank: rank, op: "gather")
        if index.rank != rank {
            throw TensorError("gather", "index of shape \(fmt(index.shape)) must have the rank of the input \(fmt(shape))")
        }
        for d in 0..<rank where d != a && index.shape[d] > shape[d] {
            throw TensorError("gather", "index shape \(fmt(index.shape)) exceeds the input \(fmt(shape)) at axis \(d)")
        }
        let raw = try index.integerValues(op: "gather", what: "index")
        let idx = try Tensor.checkedIndices(raw.map(Int.init), size: shape[a], op: "gather")
        let offsets = gatherOffsets(index: idx, indexShape: index.shape, axis: a)
        let x = contiguousData()
        let out = try Tensor.uninitialized(index.shape, op: "gather")
        for (i, o) in offsets.enumerated() { out.pointer[i] = x.pointer[o] }
        return Autograd.record(out, .gather(inputShape: shape, offsets: offsets), inputs: [self])
    }

    /// Flat offsets into the contiguous input for each element of a gather index.
    private func gatherOffsets(index: [Int32], indexShape: [Int], axis: Int) -> [Int] {
        let inStrides = Shape.contiguousStrides(shape)
        var offsets = [Int](repeating: 0, count: index.count)
        var pos = [Int](repeating: 0, count: indexShape.count)
        for i in 0..<index.count {
            var o = 0
            for d in 0..<indexShape.count { o += (d == axis ? Int(index[i]) : pos[d]) * inStrides[d] }
            offsets[i] = o
            var d = indexShape.count - 1
            while d >= 0 { pos[d] += 1; if pos[d] < indexShape[d] { break }; pos[d] = 0; d -= 1 }
        }
        return offsets
    }
}
