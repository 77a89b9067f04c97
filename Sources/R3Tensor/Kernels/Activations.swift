/// Low-level kernels: flat loops over raw Float32 buffers, forward/backward pairs, shared by the
/// `Tensor` ops and by model code that manages its own buffers. Large loops run on all
/// `TensorThreads` in fixed chunks (results do not depend on the split). Backward kernels *write*
/// their input gradients (they do not accumulate), except `embeddingBackward` and the weight
/// gradients of the norms, documented there. Buffers must not overlap unless stated.
public enum Kernels {}

/// Which GELU: `.none` is the exact `x * Φ(x)` with erf (PyTorch's default and R3's default),
/// `.tanh` the tanh approximation of GPT-2 (`approximate="tanh"`).
public enum GeluApproximation: String, Sendable {
    case none
    case tanh
}

extension Kernels {
    /// Runs `body` over `0..<n` in parallel ranges (elementwise work).
    @inline(__always)
    static func elementwise(_ n: Int, _ body: (Range<Int>) -> Void) { Parallel.forRanges(n, body) }

    // MARK: GELU

    /// out[i] = gelu(inp[i]) for i < n.
    public static func geluForward(_ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ n: Int,
                                   approximate: GeluApproximation = .none) {
        let o = SendablePointer(out), x = SendablePointer(inp)
        switch approximate {
        case .none:
            elementwise(n) { r in
                for i in r { let v = x.p[i]; o.p[i] = 0.5 * v * (1 + FastMath.erf(v * 0.707_106_77)) }
            }
        case .tanh:
            // 0.5·(1 + tanh(u)) = sigmoid(2u), so gelu = x / (1 + e^(-2u)).
            elementwise(n) { r in
                for i in r {
                    let v = x.p[i]
                    o.p[i] = v / (1 + FastMath.exp(-1.595_769_12 * (v + 0.044_715 * v * v * v)))
                }
            }
        }
    }

    /// dinp[i] = dout[i] * gelu'(inp[i]) for i < n.
    public static func geluBackward(_ dinp: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ dout: UnsafePointer<Float>,
                                    _ n: Int, approximate: GeluApproximation = .none) {
        let d = SendablePointer(dinp), x = SendablePointer(inp), g = SendablePointer(dout)
        switch approximate {
        case .none:
            elementwise(n) { r in
                for i in r {
                    let v = x.p[i]
                    let cdf = 0.5 * (1 + FastMath.erf(v * 0.707_106_77))
                    let pdf = 0.398_942_28 * FastMath.exp(-0.5 * v * v)
                    d.p[i] = g.p[i] * (cdf + v * pdf)
                }
            }
        case .tanh:
            // With s = sigmoid(2u): d/dx = s + 2·x·s·(1 - s)·du/dx.
            elementwise(n) { r in
                for i in r {
                    let v = x.p[i]
                    let s = 1 / (1 + FastMath.exp(-1.595_769_12 * (v + 0.044_715 * v * v * v)))
                    let du = 0.797_884_56 * (1 + 3 * 0.044_715 * v * v)
                    d.p[i] = g.p[i] * (s + 2 * v * s * (1 - s) * du)
                }
            }
        }
    }

    // MARK: SiLU and SwiGLU

    /// out[i] = inp[i] * sigmoid(inp[i]) for i < n.
    public static func siluForward(_ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ n: Int) {
        let o = SendablePointer(out), x = SendablePointer(inp)
        elementwise(n) { r in for i in r { let v = x.p[i]; o.p[i] = v * FastMath.sigmoid(v) } }
    }

    /// dinp[i] = dout[i] * silu'(inp[i]) for i < n.
    public static func siluBackward(_ dinp: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ dout: UnsafePointer<Float>, _ n: Int) {
        let d = SendablePointer(dinp), x = SendablePointer(inp), g = SendablePointer(dout)
        elementwise(n) { r in
            for i in r { let v = x.p[i]; let s = FastMath.sigmoid(v); d.p[i] = g.p[i] * s * (1 + v * (1 - s)) }
        }
    }

    /// out[i] = silu(gate[i]) * up[i] for i < n (the SwiGLU MLP's gating; gate, up: [rows, hidden]).
    public static func swigluForward(_ out: UnsafeMutablePointer<Float>, _ gate: UnsafePointer<Float>, _ up: UnsafePointer<Float>, _ n: Int) {
        let o = SendablePointer(out), a = SendablePointer(gate), b = SendablePointer(up)
        elementwise(n) { r in for i in r { let v = a.p[i]; o.p[i] = v * FastMath.sigmoid(v) * b.p[i] } }
    }

    /// dgate[i] = dout[i] * up[i] * silu'(gate[i]); dup[i] = dout[i] * silu(gate[i]) for i < n.
    public static func swigluBackward(_ dgate: UnsafeMutablePointer<Float>, _ dup: UnsafeMutablePointer<Float>,
                                      _ gate: UnsafePointer<Float>, _ up: UnsafePointer<Float>, _ dout: UnsafePointer<Float>, _ n: Int) {
        let dg = SendablePointer(dgate), du = SendablePointer(dup)
        let a = SendablePointer(gate), b = SendablePointer(up), g = SendablePointer(dout)
        elementwise(n) { r in
            for i in r {
                let v = a.p[i], s = FastMath.sigmoid(v)
                dg.p[i] = g.p[i] * b.p[i] * s * (1 + v * (1 - s))
                du.p[i] = g.p[i] * v * s
            }
        }
    }

    // MARK: Pointwise maps used by the Tensor ops

    /// out[i] = tanh(inp[i]) for i < n.
    public static func tanhForward(_ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ n: Int) {
        let o = SendablePointer(out), x = SendablePointer(inp)
        elementwise(n) { r in for i in r { o.p[i] = FastMath.tanh(x.p[i]) } }
    }

    /// out[i] = sigmoid(inp[i]) for i < n.
    public static func sigmoidForward(_ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ n: Int) {
        let o = SendablePointer(out), x = SendablePointer(inp)
        elementwise(n) { r in for i in r { o.p[i] = FastMath.sigmoid(x.p[i]) } }
    }

    /// out[i] = e^inp[i] for i < n.
    public static func expForward(_ out: UnsafeMutablePointer<Float>, _ inp: UnsafePointer<Float>, _ n: Int) {
        let o = SendablePointer(out), x = SendablePointer(inp)
        elementwise(n) { r in for i in r { o.p[i] = FastMath.exp(x.p[i]) } }
    }
}
