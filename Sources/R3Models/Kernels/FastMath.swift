import Foundation

// A vectorised exp for the hot loops (softmax, SwiGLU, log-softmax): Cephes' expf polynomial on
// 8 lanes, within 2 ulp of expf for the arguments these kernels see, and exactly 0 below -87.

@inline(__always)
func exp8(_ x: SIMD8<Float>) -> SIMD8<Float> {
    let lo = SIMD8<Float>(repeating: -87.3), hi = SIMD8<Float>(repeating: 88.3)
    let underflow = x .< lo
    let xc = x.replacing(with: lo, where: underflow).replacing(with: hi, where: x .> hi)
    // n = round(x / ln2) with the 1.5 * 2^23 trick; r = x - n ln2 (two-part ln2)
    let magic = SIMD8<Float>(repeating: 12582912)
    let t = xc * 1.44269504088896341 + magic
    let n = t - magic
    var r = xc - n * 0.693359375
    r = r - n * -2.12194440e-4
    let r2 = r * r
    var p = SIMD8<Float>(repeating: 1.9875691500e-4)
    p = p * r + 1.3981999507e-3
    p = p * r + 8.3334519073e-3
    p = p * r + 4.1665795894e-2
    p = p * r + 1.6666665459e-1
    p = p * r + 5.0000001201e-1
    let e = p * r2 + r + 1
    // 2^n from the integer in t's low mantissa bits
    let tb = unsafeBitCast(t, to: SIMD8<UInt32>.self), mb = unsafeBitCast(magic, to: SIMD8<UInt32>.self)
    let bits = (tb &- mb &+ 127) &<< 23
    let result = e * unsafeBitCast(bits, to: SIMD8<Float>.self)
    return result.replacing(with: 0, where: underflow)
}

/// y[i] = exp(x[i] - shift) for i < n; returns the sum of the y[i].
@inline(__always)
func expShiftedSum(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ n: Int, shift: Float) -> Float {
    var acc = SIMD8<Float>(repeating: 0)
    var i = 0
    let s = SIMD8<Float>(repeating: shift)
    while i + 8 <= n {
        let v = exp8(UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self) - s)
        UnsafeMutableRawPointer(y + i).storeBytes(of: v, as: SIMD8<Float>.self)
        acc += v
        i += 8
    }
    var sum = acc.sum()
    while i < n {
        let v = expf(x[i] - shift)
        y[i] = v
        sum += v
        i += 1
    }
    return sum
}

/// sum_i exp(x[i] - shift) (nothing stored); with `weighted`, also sum_i exp(x[i] - shift) * x[i].
@inline(__always)
func expShiftedSums(_ x: UnsafePointer<Float>, _ n: Int, shift: Float, weighted: Bool) -> (sum: Float, weighted: Float) {
    var acc = SIMD8<Float>(repeating: 0), accW = SIMD8<Float>(repeating: 0)
    var i = 0
    let s = SIMD8<Float>(repeating: shift)
    while i + 8 <= n {
        let xv = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self)
        let v = exp8(xv - s)
        acc += v
        if weighted { accW += v * xv }
        i += 8
    }
    var sum = acc.sum(), sumW = accW.sum()
    while i < n {
        let v = expf(x[i] - shift)
        sum += v
        sumW += v * x[i]
        i += 1
    }
    return (sum, sumW)
}

/// The largest of x[0..<n] (n > 0).
@inline(__always)
func maxValue(_ x: UnsafePointer<Float>, _ n: Int) -> Float {
    var i = 0
    var acc = SIMD8<Float>(repeating: -.infinity)
    while i + 8 <= n {
        let v = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self)
        acc = acc.replacing(with: v, where: v .> acc)
        i += 8
    }
    var m = acc.max()
    while i < n {
        m = max(m, x[i])
        i += 1
    }
    return m
}

/// x[0..<n] *= a
@inline(__always)
func scale(_ x: UnsafeMutablePointer<Float>, _ n: Int, by a: Float) {
    for i in 0..<n { x[i] *= a }
}

// Strict float semantics keep the compiler from vectorising reductions: these do it by hand
// (8 lanes, a fixed summation order, so results are deterministic).

@inline(__always)
func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> { UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self) }

@inline(__always)
func store8(_ p: UnsafeMutablePointer<Float>, _ v: SIMD8<Float>) { UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self) }

/// sum_i a[i] * b[i]
@inline(__always)
func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
    var acc = SIMD8<Float>(repeating: 0)
    var i = 0
    while i + 8 <= n {
        acc += load8(a + i) * load8(b + i)
        i += 8
    }
    var s = acc.sum()
    while i < n {
        s += a[i] * b[i]
        i += 1
    }
    return s
}

/// y[i] += a * x[i]
@inline(__always)
func axpy(_ y: UnsafeMutablePointer<Float>, _ a: Float, _ x: UnsafePointer<Float>, _ n: Int) {
    var i = 0
    let av = SIMD8<Float>(repeating: a)
    while i + 8 <= n {
        store8(y + i, load8(y + i) + av * load8(x + i))
        i += 8
    }
    while i < n {
        y[i] += a * x[i]
        i += 1
    }
}
