/// Shape arithmetic shared by every op: element counts with overflow checks, strides, broadcasting,
/// and axis normalisation. All failures are `TensorError`s naming the op.
enum Shape {
    /// The number of elements of `shape`; throws on a negative dimension or an `Int` overflow.
    static func count(_ shape: [Int], op: String) throws -> Int {
        var n = 1
        var overflowed = false
        for d in shape {
            if d < 0 { throw TensorError(op, "negative dimension \(d) in shape \(fmt(shape))") }
            let (m, o) = n.multipliedReportingOverflow(by: d)
            if o { overflowed = true } else { n = m }
        }
        if overflowed && !shape.contains(0) {
            throw TensorError(op, "shape \(fmt(shape)) has too many elements (the product overflows a 64-bit integer)")
        }
        return overflowed ? 0 : n
    }

    /// The element count of a shape already known to be valid.
    @inline(__always)
    static func product(_ shape: [Int]) -> Int { shape.reduce(1, *) }

    /// Row-major strides of `shape`.
    static func contiguousStrides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var s = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[i] = s
            s *= max(shape[i], 1)
        }
        return strides
    }

    /// The NumPy broadcast of two shapes (align trailing dims; sizes must match or be 1).
    static func broadcast(_ a: [Int], _ b: [Int], op: String) throws -> [Int] {
        if a == b { return a }
        let r = max(a.count, b.count)
        var out = [Int](repeating: 1, count: r)
        for i in 0..<r {
            let da = i < r - a.count ? 1 : a[i - (r - a.count)]
            let db = i < r - b.count ? 1 : b[i - (r - b.count)]
            if da == db || db == 1 { out[i] = da } else if da == 1 { out[i] = db } else {
                throw TensorError(op, "cannot broadcast \(fmt(a)) with \(fmt(b))")
            }
        }
        return out
    }

    /// Strides that read a tensor of `shape`/`strides` as if it had the (broadcast) shape `target`:
    /// broadcast dimensions get stride 0.
    static func broadcastStrides(shape: [Int], strides: [Int], to target: [Int]) -> [Int] {
        let lead = target.count - shape.count
        var out = [Int](repeating: 0, count: target.count)
        for i in 0..<shape.count where shape[i] != 1 || target[lead + i] == 1 {
            out[lead + i] = shape[i] == 1 ? 0 : strides[i]
        }
        return out
    }

    /// `axis` in `-rank..<rank` mapped to `0..<rank`.
    static func axis(_ axis: Int, rank: Int, op: String) throws -> Int {
        let a = axis < 0 ? axis + rank : axis
        if a < 0 || a >= max(rank, 0) || rank == 0 {
            throw TensorError(op, "axis \(axis) out of range for rank \(rank)")
        }
        return a
    }

    /// Sorted, de-duplicated, normalised axes; an empty list means "no axes".
    static func axes(_ axes: [Int], rank: Int, op: String) throws -> [Int] {
        var out: [Int] = []
        for a in axes {
            let n = try axis(a, rank: rank, op: op)
            if out.contains(n) { throw TensorError(op, "axis \(a) given twice in \(fmt(axes))") }
            out.append(n)
        }
        return out.sorted()
    }
}
