/// Branch-free Float32 math that the compiler vectorises inside flat loops (libm calls do not).
/// Accuracy: exp within 2 ulp; tanh, sigmoid, erf within a few 1e-7 absolute.
enum FastMath {
    /// e^x (Cephes expf: range reduction by ln 2, degree-6 polynomial, exponent by bit shift).
    @inline(__always)
    static func exp(_ x0: Float) -> Float {
        let x = x0 > 88.37626 ? 88.37626 : (x0 < -87.33654 ? -87.33654 : x0)
        let t = x * 1.442_695_04 + 12_582_912.0  // round(x / ln 2) in the low mantissa bits
        let n = t - 12_582_912.0
        let e = t.bitPattern &- 0x4B40_0000
        var r = x - n * 0.693_359_375
        r = r - n * -2.121_944_4e-4
        var p: Float = 1.987_569_15e-4
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        p = p * r * r + r + 1
        let scaled = p * Float(bitPattern: (e &+ 127) &<< 23)
        return x0 < -87.33654 ? 0 : (x0 > 88.72283 ? .infinity : scaled)
    }

    /// tanh(x): Cephes polynomial for |x| < 0.625, else 1 - 2 / (e^(2|x|) + 1), with the sign of x.
    @inline(__always)
    static func tanh(_ x: Float) -> Float {
        let a = x < 0 ? -x : x
        let z = x * x
        var p: Float = -5.704_988_7e-3
        p = p * z + 2.063_908_9e-2
        p = p * z - 5.373_971_6e-2
        p = p * z + 1.333_144_2e-1
        p = p * z - 3.333_328_2e-1
        let small = x + x * z * p
        let big = 1 - 2 / (exp(2 * a) + 1)
        let signed = x < 0 ? -big : big
        return a < 0.625 ? small : signed
    }

    /// 1 / (1 + e^-x).
    @inline(__always)
    static func sigmoid(_ x: Float) -> Float { 1 / (1 + exp(-x)) }

    /// erf(x) as a rational minimax fit x·P(x²)/Q(x²) on [-4, 4] (the one Eigen and XLA use for
    /// float32), clamped to [-1, 1] beyond. One division and no exp, so it vectorises cheaply.
    /// Absolute error < 5e-7 everywhere, relative error < 4e-7 for |x| < 2.
    @inline(__always)
    static func erf(_ x0: Float) -> Float {
        let x = x0 > 4 ? 4 : (x0 < -4 ? -4 : x0)
        let x2 = x * x
        var p: Float = -2.726_142_25e-10
        p = p * x2 + 2.770_681_42e-08
        p = p * x2 - 2.101_024_02e-06
        p = p * x2 - 5.692_506_39e-05
        p = p * x2 - 7.349_906_30e-04
        p = p * x2 - 2.954_599_80e-03
        p = p * x2 - 1.609_603_33e-02
        var q: Float = -1.456_607_18e-05
        q = q * x2 - 2.133_740_55e-04
        q = q * x2 - 1.682_826_97e-03
        q = q * x2 - 7.373_329_16e-03
        q = q * x2 - 1.426_473_90e-02
        let r = x * p / q
        return r > 1 ? 1 : (r < -1 ? -1 : r)
    }
}
