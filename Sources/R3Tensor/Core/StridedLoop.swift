/// Walks an n-d index space for up to three operands with their own strides (an output and two
/// inputs, say), as rows of the innermost dimension. Dimensions of size 1 are dropped and adjacent
/// dimensions that are contiguous for every operand are merged first, so a contiguous tensor is one
/// long row and `[B, T, C] + [C]` is `B*T` rows of `C`.
struct StridedLoop {
    /// The merged outer dimensions (without the inner one).
    let outerShape: [Int]
    /// The strides of the outer dimensions, per operand.
    let outerStrides: [[Int]]
    /// The length of a row.
    let inner: Int
    /// The stride along a row, per operand.
    let innerStrides: (Int, Int, Int)
    /// The number of rows.
    let rows: Int

    init(shape: [Int], strides: [[Int]]) {
        let k = strides.count
        var dims: [(size: Int, strides: [Int])] = []
        for i in 0..<shape.count where shape[i] != 1 {
            dims.append((shape[i], (0..<k).map { strides[$0][i] }))
        }
        // Merge from the inside out: dim j (outer) merges into its inner neighbour when contiguous.
        var merged: [(size: Int, strides: [Int])] = []
        for d in dims.reversed() {
            if var last = merged.last, (0..<k).allSatisfy({ d.strides[$0] == last.strides[$0] * last.size }) {
                last.size *= d.size
                merged[merged.count - 1] = last
            } else {
                merged.append(d)
            }
        }
        merged.reverse()  // outermost first
        if shape.contains(0) {
            outerShape = []; outerStrides = Array(repeating: [], count: k); inner = 0; rows = 0
            innerStrides = (0, 0, 0)
            return
        }
        let innerDim = merged.last ?? (1, [Int](repeating: 0, count: k))
        let outer = merged.dropLast()
        inner = innerDim.size
        let s = innerDim.strides + [0, 0, 0]
        innerStrides = (s[0], s[1], s[2])
        outerShape = outer.map(\.size)
        outerStrides = (0..<k).map { op in outer.map { $0.strides[op] } }
        rows = outerShape.reduce(1, *)
    }

    /// Calls `body(o0, o1, o2)` with the element offsets of the first element of each row in `range`.
    func forEachRow(_ range: Range<Int>, _ body: (Int, Int, Int) -> Void) {
        let r = outerShape.count
        if r == 0 {
            if !range.isEmpty { body(0, 0, 0) }
            return
        }
        let k = outerStrides.count
        let s0 = outerStrides[0], s1 = k > 1 ? outerStrides[1] : [Int](repeating: 0, count: r)
        let s2 = k > 2 ? outerStrides[2] : [Int](repeating: 0, count: r)
        var index = [Int](repeating: 0, count: r)
        var rem = range.lowerBound
        var o0 = 0, o1 = 0, o2 = 0
        for d in stride(from: r - 1, through: 0, by: -1) {
            index[d] = rem % outerShape[d]
            rem /= outerShape[d]
            o0 += index[d] * s0[d]; o1 += index[d] * s1[d]; o2 += index[d] * s2[d]
        }
        for _ in range {
            body(o0, o1, o2)
            var d = r - 1
            while d >= 0 {
                index[d] += 1
                o0 += s0[d]; o1 += s1[d]; o2 += s2[d]
                if index[d] < outerShape[d] { break }
                o0 -= s0[d] * outerShape[d]; o1 -= s1[d] * outerShape[d]; o2 -= s2[d] * outerShape[d]
                index[d] = 0
                d -= 1
            }
        }
    }

    /// Runs `forEachRow` over all rows, in parallel when the work is large.
    func forAllRows(_ body: (Int, Int, Int) -> Void) {
        Parallel.forRanges(rows, costPerItem: Swift.max(inner, 1)) { range in forEachRow(range, body) }
    }
}

extension Tensor {
    /// Copies `src`'s elements (same shape, any layout) into this tensor's layout, without autograd.
    mutating func copyElements(from src: Tensor) {
        let loop = StridedLoop(shape: shape, strides: [strides, src.strides])
        let d = SendablePointer(pointer), s = SendablePointer(src.pointer)
        let n = loop.inner, (dsI, ssI, _) = loop.innerStrides
        withExtendedLifetime(src) {
            loop.forAllRows { od, os, _ in
                let dp = d.p + od, sp = s.p + os
                if dsI == 1 && ssI == 1 {
                    dp.update(from: sp, count: n)
                } else if ssI == 0 {
                    let v = sp[0]
                    for i in 0..<n { dp[i * dsI] = v }
                } else {
                    for i in 0..<n { dp[i * dsI] = sp[i * ssI] }
                }
            }
        }
    }
}
