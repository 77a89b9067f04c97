/// Which reduction a kernel runs.
enum ReduceKind { case sum, max, min }

extension Tensor {
    /// Reduces the contiguous data viewed as [outer, red, inner] over the middle axis, without
    /// autograd. Sums run in 16 lanes over fixed chunks, so the bits never depend on the thread count.
    static func reduceBlock(_ x: Tensor, outer: Int, red: Int, inner: Int, kind: ReduceKind) -> Tensor {
        let out = uninitialized(validShape: [outer * inner])
        let po = SendablePointer(out.pointer), px = SendablePointer(x.pointer)
        withExtendedLifetime(x) {
            if inner == 1 {
                // Row reductions; one long row is summed in fixed chunks whose partials add in order.
                if outer == 1 && kind == .sum && red > 2 * 32_768 {
                    let chunk = 32_768
                    let chunks = (red + chunk - 1) / chunk
                    let partial = UnsafeMutablePointer<Float>.allocate(capacity: chunks)
                    defer { partial.deallocate() }
                    let pp = SendablePointer(partial)
                    Parallel.forChunks(red, chunk: chunk) { c, r in pp.p[c] = RowMath.sum(px.p + r.lowerBound, r.count) }
                    var s: Float = 0
                    for c in 0..<chunks { s += partial[c] }
                    po.p[0] = s
                    return
                }
                Parallel.forRanges(outer, costPerItem: red) { range in
                    for o in range {
                        let row = px.p + o * red
                        switch kind {
                        case .sum: po.p[o] = RowMath.sum(row, red)
                        case .max: po.p[o] = RowMath.max(row, red)
                        case .min: po.p[o] = -maxNegated(row, red)
                        }
                    }
                }
                return
            }
            // Column reductions: out[o, :] = reduce over r of x[o, r, :], rows added in order.
            Parallel.forRanges(outer * inner, costPerItem: red) { range in
                // Work in runs of one `o` so the inner loop over columns is contiguous.
                var k = range.lowerBound
                while k < range.upperBound {
                    let o = k / inner, c0 = k % inner
                    let c1 = Swift.min(inner, c0 + (range.upperBound - k))
                    let dst = po.p + o * inner, base = px.p + o * red * inner
                    if red == 0 {
                        // An empty axis: nothing to read (base points at no element).
                        let fill: Float = kind == .sum ? 0 : .nan
                        for c in c0..<c1 { dst[c] = fill }
                        k += c1 - c0
                        continue
                    }
                    for c in c0..<c1 { dst[c] = base[c] }
                    for r in 1..<red {
                        let row = base + r * inner
                        switch kind {
                        case .sum: for c in c0..<c1 { dst[c] += row[c] }
                        case .max: for c in c0..<c1 { let v = row[c]; dst[c] = v > dst[c] || v != v ? v : dst[c] }
                        case .min: for c in c0..<c1 { let v = row[c]; dst[c] = v < dst[c] || v != v ? v : dst[c] }
                        }
                    }
                    k += c1 - c0
                }
            }
        }
        return out
    }

    @inline(__always)
    static func maxNegated(_ x: UnsafePointer<Float>, _ n: Int) -> Float {
        var m = -Float.infinity
        var nan = false
        for i in 0..<n { let v = -x[i]; m = v > m ? v : m; nan = nan || v != v }
        return nan ? .nan : m
    }

    /// Sum over `axes` (sorted, valid) of the contiguous data, keeping reduced axes as size 1.
    static func sumKeepingDims(_ x: Tensor, axes: [Int], kind: ReduceKind = .sum) -> Tensor {
        var current = x.contiguousData()
        var shape = x.shape
        // Reduce runs of consecutive axes, the innermost run first.
        var runs: [[Int]] = []
        for a in axes {
            if let last = runs.last?.last, last == a - 1 { runs[runs.count - 1].append(a) } else { runs.append([a]) }
        }
        if runs.isEmpty { current = x.copied() }
        for run in runs.reversed() {
            let outer = shape[..<run[0]].reduce(1, *)
            let red = run.reduce(1) { $0 * shape[$1] }
            let inner = shape[(run.last! + 1)...].reduce(1, *)
            current = reduceBlock(current, outer: outer, red: red, inner: inner, kind: kind)
            for a in run { shape[a] = 1 }
        }
        current.shape = shape
        current.strides = Shape.contiguousStrides(shape)
        return current
    }

    /// The axes to reduce: all of them for nil, else the normalised list.
    func reductionAxes(_ axes: [Int]?, op: String) throws -> [Int] {
        guard let axes else { return Array(0..<rank) }
        return try Shape.axes(axes, rank: rank, op: op)
    }

    /// The reduced shape: size-1 reduced axes kept with `keepDim`, dropped otherwise.
    static func reducedShape(_ shape: [Int], axes: [Int], keepDim: Bool) -> [Int] {
        keepDim ? shape.enumerated().map { axes.contains($0.offset) ? 1 : $0.element }
            : shape.enumerated().filter { !axes.contains($0.offset) }.map(\.element)
    }

    func reduced(_ axesOrAll: [Int]?, keepDim: Bool, kind: ReduceKind, op: String) throws -> Tensor {
        let axes = try reductionAxes(axesOrAll, op: op)
        var out = Tensor.sumKeepingDims(self, axes: axes, kind: kind)
        let shape = Tensor.reducedShape(self.shape, axes: axes, keepDim: keepDim)
        out.shape = shape
        out.strides = Shape.contiguousStrides(shape)
        return out
    }

    // MARK: Public reductions

    /// The sum of all elements (a rank-0 tensor).
    public func sum() -> Tensor { (try? sum(axes: nil)) ?? self }

    /// The sum over `axis` (`torch.sum(dim=)`); `keepDim` keeps it as size 1.
    public func sum(axis: Int, keepDim: Bool = false) throws -> Tensor { try sum(axes: [axis], keepDim: keepDim, op: "sum") }

    /// The sum over several axes (nil: all axes).
    public func sum(axes: [Int]?, keepDim: Bool = false) throws -> Tensor { try sum(axes: axes, keepDim: keepDim, op: "sum") }

    func sum(axes: [Int]?, keepDim: Bool, op: String) throws -> Tensor {
        let ax = try reductionAxes(axes, op: op)
        let out = try reduced(ax, keepDim: keepDim, kind: .sum, op: op)
        return Autograd.record(out, .sum(inputShape: shape, axes: ax, keepDim: keepDim), inputs: [self])
    }

    /// The mean of all elements (a rank-0 tensor; NaN for an empty tensor).
    public func mean() -> Tensor { (try? mean(axes: nil)) ?? self }

    /// The mean over `axis`; `keepDim` keeps it as size 1.
    public func mean(axis: Int, keepDim: Bool = false) throws -> Tensor { try mean(axes: [axis], keepDim: keepDim) }

    /// The mean over several axes (nil: all axes).
    public func mean(axes: [Int]?, keepDim: Bool = false) throws -> Tensor {
        let ax = try reductionAxes(axes, op: "mean")
        let n = ax.reduce(1) { $0 * shape[$1] }
        let out = try reduced(ax, keepDim: keepDim, kind: .sum, op: "mean")
        let scale = 1 / Float(n)
        let p = out.pointer
        for i in 0..<out.count { p[i] *= scale }
        return Autograd.record(out, .mean(inputShape: shape, axes: ax, keepDim: keepDim), inputs: [self])
    }

    /// The largest element (rank 0). Its gradient goes to the first position holding it. An empty
    /// tensor has none: an error, as in PyTorch.
    public func max() throws -> Tensor { try extremum(axis: nil, keepDim: false, largest: true, op: "max") }

    /// The largest values along `axis` (values only; see `argmax`). Gradient to the first maximum.
    public func max(axis: Int, keepDim: Bool = false) throws -> Tensor {
        try extremum(axis: axis, keepDim: keepDim, largest: true, op: "max")
    }

    /// The smallest element (rank 0); an error for an empty tensor.
    public func min() throws -> Tensor { try extremum(axis: nil, keepDim: false, largest: false, op: "min") }

    /// The smallest values along `axis`. Gradient to the first minimum.
    public func min(axis: Int, keepDim: Bool = false) throws -> Tensor {
        try extremum(axis: axis, keepDim: keepDim, largest: false, op: "min")
    }

    /// The index of the largest element in row-major order (rank 0, as a Float; NaN counts as largest).
    public func argmax() throws -> Tensor { try argExtremum(axis: nil, keepDim: false, largest: true, op: "argmax") }

    /// Indices of the largest values along `axis` (Float32 values holding integers; first on ties).
    public func argmax(axis: Int, keepDim: Bool = false) throws -> Tensor {
        try argExtremum(axis: axis, keepDim: keepDim, largest: true, op: "argmax")
    }

    /// The index of the smallest element in row-major order (rank 0).
    public func argmin() throws -> Tensor { try argExtremum(axis: nil, keepDim: false, largest: false, op: "argmin") }

    /// Indices of the smallest values along `axis`.
    public func argmin(axis: Int, keepDim: Bool = false) throws -> Tensor {
        try argExtremum(axis: axis, keepDim: keepDim, largest: false, op: "argmin")
    }

    /// Positions of the first extremum along `axis` (all axes for nil) as [outer * inner] Int32, plus
    /// the view of the data as [outer, red, inner].
    func extremumIndices(axis: Int?, largest: Bool, op: String) throws -> (indices: [Int32], outer: Int, red: Int, inner: Int, axis: Int?) {
        let c = contiguousData()
        var outer = 1, red = count, inner = 1, a: Int? = nil
        if let axis {
            let ax = try Shape.axis(axis, rank: rank, op: op)
            a = ax
            outer = shape[..<ax].reduce(1, *); red = shape[ax]; inner = shape[(ax + 1)...].reduce(1, *)
        }
        if red == 0 {
            throw TensorError(op, axis == nil ? "the tensor is empty (shape \(fmt(shape))): it has no \(op)imum"
                                              : "cannot reduce an empty axis (shape \(fmt(shape)))")
        }
        if red > Int(Int32.max) { throw TensorError(op, "axis too long (\(red) elements)") }
        var idx = [Int32](repeating: 0, count: outer * inner)
        let p = c.pointer
        withExtendedLifetime(c) {
            for o in 0..<outer {
                for i in 0..<inner {
                    let base = p + o * red * inner + i
                    var best = base[0], at = 0
                    if !best.isNaN {
                        for r in 1..<red {
                            let v = base[r * inner]
                            if v.isNaN { at = r; break }
                            if largest ? v > best : v < best { best = v; at = r }
                        }
                    }
                    idx[o * inner + i] = Int32(at)
                }
            }
        }
        return (idx, outer, red, inner, a)
    }

    func extremum(axis: Int?, keepDim: Bool, largest: Bool, op: String) throws -> Tensor {
        let (idx, outer, red, inner, ax) = try extremumIndices(axis: axis, largest: largest, op: op)
        let c = contiguousData()
        let shape = ax.map { Tensor.reducedShape(self.shape, axes: [$0], keepDim: keepDim) }
            ?? (keepDim ? [Int](repeating: 1, count: rank) : [])
        let out = Tensor.uninitialized(validShape: shape)
        for o in 0..<outer { for i in 0..<inner { out.pointer[o * inner + i] = c.pointer[(o * red + Int(idx[o * inner + i])) * inner + i] } }
        return Autograd.record(out, .extremum(inputShape: self.shape, indices: idx, outer: outer, red: red, inner: inner), inputs: [self])
    }

    func argExtremum(axis: Int?, keepDim: Bool, largest: Bool, op: String) throws -> Tensor {
        let (idx, _, _, _, ax) = try extremumIndices(axis: axis, largest: largest, op: op)
        let shape = ax.map { Tensor.reducedShape(self.shape, axes: [$0], keepDim: keepDim) }
            ?? (keepDim ? [Int](repeating: 1, count: rank) : [])
        return try Tensor(shape: shape, data: idx.map(Float.init))
    }

    /// The gradient of a broadcast: sums `self` down to `target` (un-broadcasting), without autograd.
    func summed(toShape target: [Int]) throws -> Tensor {
        if shape == target { return self }
        let lead = rank - target.count
        if lead < 0 { throw TensorError("sum_to", "cannot sum \(fmt(shape)) to \(fmt(target))") }
        var axes = Array(0..<lead)
        for (i, d) in target.enumerated() where d == 1 && shape[lead + i] != 1 { axes.append(lead + i) }
        var out = Tensor.sumKeepingDims(self, axes: axes)
        out.shape = target
        out.strides = Shape.contiguousStrides(target)
        return out
    }
}
