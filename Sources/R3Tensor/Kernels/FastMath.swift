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

    /// erf(x) via erfc's Chebyshev fit (Numerical Recipes `erfcc`, fractional error < 1.2e-7).
    @inline(__always)
    static func erf(_ x: Float) -> Float {
        let z = x < 0 ? -x : x
        let t = 1 / (1 + 0.5 * z)
        var p: Float = 0.170_872_77
        p = p * t - 0.822_152_23
        p = p * t + 1.488_515_87
        p = p * t - 1.135_203_98
        p = p * t + 0.278_868_07
        p = p * t - 0.186_288_06
        p = p * t + 0.096_784_18
        p = p * t + 0.374_091_96
        p = p * t + 1.000_023_68
        p = p * t - 1.265_512_23
        let erfc = t * exp(p - z * z)
        let r = 1 - erfc
        return x < 0 ? -r : r
    }
}
