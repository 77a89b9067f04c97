import Foundation

/// Rotary embedding tables cos/sin[maxPositions, headDim / 2] in Hugging Face's rotate_half
/// convention: x[i] and x[i + hd/2] rotate together by angle pos * invFreq[i].
struct RopeTable {
    let half: Int
    let cos: [Float]
    let sin: [Float]

    init(_ c: ModelConfig) {
        half = c.headDim / 2
        var inv = (0..<half).map { 1 / pow(c.ropeTheta, Double(2 * $0) / Double(c.headDim)) }
        if case let .llama3(factor, low, high, original) = c.ropeScaling {
            let lowWave = Double(original) / low, highWave = Double(original) / high
            inv = inv.map { f in
                let wave = 2 * Double.pi / f
                if wave < highWave { return f }
                if wave > lowWave { return f / factor }
                let smooth = (Double(original) / wave - low) / (high - low)
                return (1 - smooth) * f / factor + smooth * f
            }
        }
        var cs = [Float](repeating: 0, count: c.maxPositions * half), sn = cs
        for p in 0..<c.maxPositions {
            for i in 0..<half {
                // float32 angle, as transformers computes it
                let a = Double(Float(p) * Float(inv[i]))
                cs[p * half + i] = Float(Foundation.cos(a))
                sn[p * half + i] = Float(Foundation.sin(a))
            }
        }
        cos = cs
        sin = sn
    }
}

/// Rotates the first `heads` heads of each row of x[N, stride] (head h at x + h*hd) by positions[N].
/// Forward: (a, b) -> (a cos - b sin, b cos + a sin); `inverse` applies the transpose (the backward).
func ropeApply(_ x: UnsafeMutablePointer<Float>, stride: Int, heads: Int, headDim hd: Int,
               _ positions: UnsafePointer<Int32>, _ N: Int, _ table: RopeTable, inverse: Bool) {
    let half = hd / 2
    table.cos.withUnsafeBufferPointer { cb in
        table.sin.withUnsafeBufferPointer { sb in
            let cp = cb.baseAddress!, sp = sb.baseAddress!
            parallelRanges(N, minimumPerWorker: 64) { rows, _ in
                for n in rows {
                    let c = cp + Int(positions[n]) * half
                    let s = sp + Int(positions[n]) * half
                    let sign: Float = inverse ? -1 : 1
                    let sv = SIMD8<Float>(repeating: sign)
                    for h in 0..<heads {
                        let v = x + n * stride + h * hd
                        var i = 0
                        while i + 8 <= half {
                            let a = load8(v + i), b = load8(v + i + half), cs = load8(c + i), si = sv * load8(s + i)
                            store8(v + i, a * cs - b * si)
                            store8(v + i + half, b * cs + a * si)
                            i += 8
                        }
                        while i < half {
                            let a = v[i], b = v[i + half]
                            let si = sign * s[i]
                            v[i] = a * c[i] - b * si
                            v[i + half] = b * c[i] + a * si
                            i += 1
                        }
                    }
                }
            }
        }
    }
}
