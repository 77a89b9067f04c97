import Foundation

// RMSNorm as Hugging Face Llama/Qwen2 compute it: y = x / sqrt(mean(x^2) + eps) * w.

/// out[N, D], rstd[N] <- inp[N, D], weight[D]
func rmsnormForward(_ out: UnsafeMutablePointer<Float>, _ rstd: UnsafeMutablePointer<Float>?, _ inp: UnsafePointer<Float>,
                    _ weight: UnsafePointer<Float>, _ N: Int, _ D: Int, _ eps: Float) {
    parallelRanges(N, minimumPerWorker: 64) { rows, _ in
        for n in rows {
            let x = inp + n * D, y = out + n * D
            var ss: Float = 0
            for i in 0..<D { ss += x[i] * x[i] }
            let r = 1 / (ss / Float(D) + eps).squareRoot()
            rstd?[n] = r
            for i in 0..<D { y[i] = x[i] * r * weight[i] }
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
            var dot: Float = 0
            for i in 0..<D { dot += weight[i] * dy[i] * x[i] }
            let c = dot * r * r * r / Float(D)
            for i in 0..<D {
                dx[i] += r * weight[i] * dy[i] - c * x[i]
                dw[i] += dy[i] * x[i] * r
            }
        }
    }
    for w in 0..<workers {
        let dw = scratch + w * D
        for i in 0..<D { dweight[i] += dw[i] }
    }
}
