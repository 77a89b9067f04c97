import Foundation

// SwiGLU: h = silu(gate) * up, with gu[N, 2F] holding gate in columns [0, F) and up in [F, 2F).

/// h[N, F] <- gu[N, 2F]
func swigluForward(_ h: UnsafeMutablePointer<Float>, _ gu: UnsafePointer<Float>, _ N: Int, _ F: Int) {
    parallelRanges(N, minimumPerWorker: 16) { rows, _ in
        for n in rows {
            let g = gu + n * 2 * F, u = g + F, o = h + n * F
            for i in 0..<F {
                let sig = 1 / (1 + expf(-g[i]))
                o[i] = g[i] * sig * u[i]
            }
        }
    }
}

/// dgu[N, 2F] <- dh[N, F], gu[N, 2F]
func swigluBackward(_ dgu: UnsafeMutablePointer<Float>, _ dh: UnsafePointer<Float>, _ gu: UnsafePointer<Float>, _ N: Int, _ F: Int) {
    parallelRanges(N, minimumPerWorker: 16) { rows, _ in
        for n in rows {
            let g = gu + n * 2 * F, u = g + F, d = dh + n * F
            let dg = dgu + n * 2 * F, du = dg + F
            for i in 0..<F {
                let sig = 1 / (1 + expf(-g[i]))
                let silu = g[i] * sig
                du[i] = d[i] * silu
                dg[i] = d[i] * u[i] * sig * (1 + g[i] * (1 - sig))
            }
        }
    }
}
