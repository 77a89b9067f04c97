/// Row reductions with 16 independent lanes (vectorised, and the same bits on every run).
enum RowMath {
    @inline(__always)
    static func load(_ p: UnsafePointer<Float>) -> SIMD16<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self)
    }

    /// x[0] + ... + x[n-1].
    @inline(__always)
    static func sum(_ x: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc = SIMD16<Float>()
        var i = 0
        while i + 16 <= n { acc += load(x + i); i += 16 }
        var s = acc.sum()
        while i < n { s += x[i]; i += 1 }
        return s
    }

    /// Σ x[i] * y[i].
    @inline(__always)
    static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ n: Int) -> Float {
        var acc = SIMD16<Float>()
        var i = 0
        while i + 16 <= n { acc += load(x + i) * load(y + i); i += 16 }
        var s = acc.sum()
        while i < n { s += x[i] * y[i]; i += 1 }
        return s
    }

    /// Σ (x[i] - c)².
    @inline(__always)
    static func sumSquaredDeviations(_ x: UnsafePointer<Float>, _ n: Int, from c: Float) -> Float {
        var acc = SIMD16<Float>()
        let cv = SIMD16<Float>(repeating: c)
        var i = 0
        while i + 16 <= n { let d = load(x + i) - cv; acc += d * d; i += 16 }
        var s = acc.sum()
        while i < n { let d = x[i] - c; s += d * d; i += 1 }
        return s
    }

    /// The largest element (NaN if any element is NaN); -inf for n == 0.
    @inline(__always)
    static func max(_ x: UnsafePointer<Float>, _ n: Int) -> Float {
        var m = -Float.infinity
        var nan = false
        for i in 0..<n {
            let v = x[i]
            m = v > m ? v : m
            nan = nan || v != v
        }
        return nan ? .nan : m
    }
}
