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
        var m = SIMD16<Float>(repeating: -.infinity)
        var nan = SIMDMask<SIMD16<Int32>>()
        var i = 0
        while i + 16 <= n {
            let v = load(x + i)
            m.replace(with: v, where: v .> m)
            nan .|= v .!= v
            i += 16
        }
        var r = m.max()
        var anyNaN = any(nan)
        while i < n {
            let v = x[i]
            if v > r { r = v }
            if v != v { anyNaN = true }
            i += 1
        }
        return anyNaN ? .nan : r
    }
}
