import Foundation

// RMSNorm as Hugging Face Llama/Qwen2 compute it: y = x / sqrt(mean(x^2) + eps) * w.

/// out[N, D], rstd[N] <- inp[N, D], weight[D]
func rmsnormForward(_ out: UnsafeMutablePointer<Float>, _ rstd: UnsafeMutablePointer<Float>?, _ inp: UnsafePointer<Float>,
                    _ weight: UnsafePointer<Float>, _ N: Int, _ D: Int, _ eps: Float) {
    parallelRanges(N, minimumPerWorker: 64) { rows, _ in
        for n in rows {
            let x = inp + n * D, y = out + n * D
            let r = 1 / (dot(x, x, D) / Float(D) + eps).squareRoot()
            rstd?[n] = r
            var i = 0
            let rv = SIMD8<Float>(repeating: r)
            while i + 8 <= D {
                store8(y + i, load8(x + i) * rv * load8(weight + i))
                i += 8
            }
            while i < D {
                y[i] = x[i] * r * weight[i]
                i += 1
            }
        }
    }
}

/// dinp[N, D] += d/dx, dweight[D] += sum_n dout * x * rstd; scratch holds workers x D floats.
func rmsnormBackward(_ dinp: UnsafeMutablePointer<Float>, _ dweight: UnsafeMutablePointer<Float>,
                     _ dout: UnsafePointer<Float>, _ inp: UnsafePointer<Float>, _ weight: UnsafePointer<Float>,
                     _ rstd: UnsafePointer<Float>, _ N: Int, _ D: Int, scratch: UnsafeMutablePointer<Float>) {
    let workers = ModelThreads.count
    scratch.initialize(repeating: 0, count: workers * D)
    parallelRanges(N, minimumPerWorker: 64) { rows, w in
        let dw = scratch + w * D
        for n in rows {
            let x = inp + n * D, dy = dout + n * D, dx = dinp + n * D
            let r = rstd[n]
            // dx = r * (w*dy) - x * r^3 / D * sum(w*dy*x)
            var acc = SIMD8<Float>(repeating: 0)
            var i = 0
            while i + 8 <= D {
                acc += load8(weight + i) * load8(dy + i) * load8(x + i)
                i += 8
            }
            var wdx = acc.sum()
            while i < D {
                wdx += weight[i] * dy[i] * x[i]
                i += 1
            }
            let c = wdx * r * r * r / Float(D)
            let rv = SIMD8<Float>(repeating: r), cv = SIMD8<Float>(repeating: c)
            i = 0
            while i + 8 <= D {
                let xv = load8(x + i), dyv = load8(dy + i)
                store8(dx + i, load8(dx + i) + rv * load8(weight + i) * dyv - cv * xv)
                store8(dw + i, load8(dw + i) + dyv * xv * rv)
                i += 8
            }
            while i < D {
                dx[i] += r * weight[i] * dy[i] - c * x[i]
                dw[i] += dy[i] * x[i] * r
                i += 1
            }
        }
    }
    for w in 0..<workers {
        let dw = scratch + w * D
        for i in 0..<D { dweight[i] += dw[i] }
    }
}
