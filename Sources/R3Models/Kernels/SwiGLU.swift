import Foundation

// SwiGLU: h = silu(gate) * up, with gu[N, 2F] holding gate in columns [0, F) and up in [F, 2F).

/// h[N, F] <- gu[N, 2F]
func swigluForward(_ h: UnsafeMutablePointer<Float>, _ gu: UnsafePointer<Float>, _ N: Int, _ F: Int) {
    parallelRanges(N, minimumPerWorker: 16) { rows, _ in
        for n in rows {
            let g = gu + n * 2 * F, u = g + F, o = h + n * F
            var i = 0
            while i + 8 <= F {
                let gv = UnsafeRawPointer(g + i).loadUnaligned(as: SIMD8<Float>.self)
                let uv = UnsafeRawPointer(u + i).loadUnaligned(as: SIMD8<Float>.self)
                let sig = 1 / (1 + exp8(-gv))
                UnsafeMutableRawPointer(o + i).storeBytes(of: gv * sig * uv, as: SIMD8<Float>.self)
                i += 8
            }
            while i < F {
                let sig = 1 / (1 + expf(-g[i]))
                o[i] = g[i] * sig * u[i]
                i += 1
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
            var i = 0
            while i + 8 <= F {
                let gv = UnsafeRawPointer(g + i).loadUnaligned(as: SIMD8<Float>.self)
                let uv = UnsafeRawPointer(u + i).loadUnaligned(as: SIMD8<Float>.self)
                let dv = UnsafeRawPointer(d + i).loadUnaligned(as: SIMD8<Float>.self)
                let sig = 1 / (1 + exp8(-gv))
                UnsafeMutableRawPointer(du + i).storeBytes(of: dv * gv * sig, as: SIMD8<Float>.self)
                UnsafeMutableRawPointer(dg + i).storeBytes(of: dv * uv * sig * (1 + gv * (1 - sig)), as: SIMD8<Float>.self)
                i += 8
            }
            while i < F {
                let sig = 1 / (1 + expf(-g[i]))
                du[i] = d[i] * g[i] * sig
                dg[i] = d[i] * u[i] * sig * (1 + g[i] * (1 - sig))
                i += 1
            }
        }
    }
}
