import Foundation

/// A pointwise function of two floats, specialised into the broadcasting loops.
protocol BinaryFunction { static func apply(_ a: Float, _ b: Float) -> Float }

enum AddF: BinaryFunction { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a + b } }
enum SubF: BinaryFunction { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a - b } }
enum MulF: BinaryFunction { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a * b } }
enum DivF: BinaryFunction { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a / b } }
enum PowF: BinaryFunction { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { Foundation.pow(a, b) } }
enum EqF: BinaryFunction { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a == b ? 1 : 0 } }
enum NeF: BinaryFunction { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a != b ? 1 : 0 } }
enum LtF: BinaryFunction { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a < b ? 1 : 0 } }
enum LeF: BinaryFunction { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a <= b ? 1 : 0 } }
enum GtF: BinaryFunction { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a > b ? 1 : 0 } }
enum GeF: BinaryFunction { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a >= b ? 1 : 0 } }
enum MaxF: BinaryFunction { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a > b || a != a ? a : b } }
enum MinF: BinaryFunction { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a < b || a != a ? a : b } }

/// A pointwise function of one float (a value type, so the loops that take it are specialised).
protocol ElementFunction { func callAsFunction(_ x: Float) -> Float }

struct NegE: ElementFunction { @inline(__always) func callAsFunction(_ x: Float) -> Float { -x } }
struct SquareE: ElementFunction { @inline(__always) func callAsFunction(_ x: Float) -> Float { x * x } }
struct SqrtE: ElementFunction { @inline(__always) func callAsFunction(_ x: Float) -> Float { x.squareRoot() } }
struct LogE: ElementFunction { @inline(__always) func callAsFunction(_ x: Float) -> Float { Foundation.log(x) } }
struct AbsE: ElementFunction { @inline(__always) func callAsFunction(_ x: Float) -> Float { Swift.abs(x) } }
/// max(x, 0), with NaN kept (as PyTorch does).
struct ReluE: ElementFunction { @inline(__always) func callAsFunction(_ x: Float) -> Float { x > 0 || x != x ? x : 0 } }
struct SignE: ElementFunction { @inline(__always) func callAsFunction(_ x: Float) -> Float { x > 0 ? 1 : (x < 0 ? -1 : 0) } }
struct IsFiniteE: ElementFunction { @inline(__always) func callAsFunction(_ x: Float) -> Float { x.isFinite ? 1 : 0 } }
/// 1 - y² (tanh's derivative from its output).
struct TanhGradE: ElementFunction { @inline(__always) func callAsFunction(_ y: Float) -> Float { 1 - y * y } }
/// y (1 - y) (sigmoid's derivative from its output).
struct SigmoidGradE: ElementFunction { @inline(__always) func callAsFunction(_ y: Float) -> Float { y * (1 - y) } }
struct PowE: ElementFunction {
    let exponent: Float
    @inline(__always) func callAsFunction(_ x: Float) -> Float { Foundation.pow(x, exponent) }
}
struct ClampE: ElementFunction {
    let lo: Float, hi: Float
    @inline(__always) func callAsFunction(_ x: Float) -> Float { x < lo ? lo : (x > hi ? hi : x) }
}
/// 1 inside [lo, hi], else 0 (clamp's derivative).
struct InRangeE: ElementFunction {
    let lo: Float, hi: Float
    @inline(__always) func callAsFunction(_ x: Float) -> Float { x >= lo && x <= hi ? 1 : 0 }
}
/// A binary function with a fixed right operand.
struct RightScalar<B: BinaryFunction>: ElementFunction {
    let right: Float
    init(_ right: Float) { self.right = right }
    @inline(__always) func callAsFunction(_ x: Float) -> Float { B.apply(x, right) }
}

extension Tensor {
    /// out = f(a, b) with NumPy broadcasting, without autograd. Contiguous same-shape operands and
    /// scalar operands take flat loops; everything else walks rows of the broadcast shape.
    static func zipMap<F: BinaryFunction>(_ a: Tensor, _ b: Tensor, _: F.Type, op: String) throws -> Tensor {
        let shape = try Shape.broadcast(a.shape, b.shape, op: op)
        let out = shape == a.shape || shape == b.shape ? uninitialized(validShape: shape) : try uninitialized(shape, op: op)
        let o = SendablePointer(out.pointer), pa = SendablePointer(a.pointer), pb = SendablePointer(b.pointer)
        let n = out.count
        withExtendedLifetime((a, b)) {
            if a.shape == b.shape && a.isContiguous && b.isContiguous {
                Parallel.forRanges(n) { r in for i in r { o.p[i] = F.apply(pa.p[i], pb.p[i]) } }
            } else if b.count == 1 && a.shape == shape && a.isContiguous {
                let v = pb.p[0]
                Parallel.forRanges(n) { r in for i in r { o.p[i] = F.apply(pa.p[i], v) } }
            } else if a.count == 1 && b.shape == shape && b.isContiguous {
                let v = pa.p[0]
                Parallel.forRanges(n) { r in for i in r { o.p[i] = F.apply(v, pb.p[i]) } }
            } else {
                let loop = StridedLoop(shape: shape, strides: [
                    out.strides,
                    Shape.broadcastStrides(shape: a.shape, strides: a.strides, to: shape),
                    Shape.broadcastStrides(shape: b.shape, strides: b.strides, to: shape),
                ])
                let len = loop.inner, (so, sa, sb) = loop.innerStrides
                loop.forAllRows { oo, oa, ob in
                    let po = o.p + oo, xa = pa.p + oa, xb = pb.p + ob
                    if so == 1 && sa == 1 && sb == 1 {
                        for i in 0..<len { po[i] = F.apply(xa[i], xb[i]) }
                    } else if so == 1 && sa == 1 && sb == 0 {
                        let v = xb[0]
                        for i in 0..<len { po[i] = F.apply(xa[i], v) }
                    } else if so == 1 && sa == 0 && sb == 1 {
                        let v = xa[0]
                        for i in 0..<len { po[i] = F.apply(v, xb[i]) }
                    } else {
                        for i in 0..<len { po[i * so] = F.apply(xa[i * sa], xb[i * sb]) }
                    }
                }
            }
        }
        return out
    }

    /// out[i] = f(x[i]) over the contiguous data of `x`, without autograd (`f` is a flat kernel).
    static func map(_ x: Tensor, _ f: (UnsafeMutablePointer<Float>, UnsafePointer<Float>, Int) -> Void) -> Tensor {
        let c = x.contiguousData()
        let out = uninitialized(validShape: x.shape)
        withExtendedLifetime(c) { f(out.pointer, c.pointer, c.count) }
        return out
    }

    /// out[i] = f(x[i]) for a pointwise function type, specialised into a flat loop.
    static func mapElements<F: ElementFunction>(_ x: Tensor, _ f: F) -> Tensor {
        map(x) { o, i, n in
            let po = SendablePointer(o), pi = SendablePointer(i)
            Parallel.forRanges(n) { r in for k in r { po.p[k] = f(pi.p[k]) } }
        }
    }

    // MARK: Arithmetic with broadcasting

    /// Elementwise sum with NumPy broadcasting (`torch.add`).
    public static func + (a: Tensor, b: Tensor) throws -> Tensor {
        Autograd.record(try zipMap(a, b, AddF.self, op: "add"), .add(aShape: a.shape, bShape: b.shape), inputs: [a, b])
    }

    /// Elementwise difference with broadcasting (`torch.sub`).
    public static func - (a: Tensor, b: Tensor) throws -> Tensor {
        Autograd.record(try zipMap(a, b, SubF.self, op: "sub"), .sub(aShape: a.shape, bShape: b.shape), inputs: [a, b])
    }

    /// Elementwise product with broadcasting (`torch.mul`).
    public static func * (a: Tensor, b: Tensor) throws -> Tensor {
        Autograd.record(try zipMap(a, b, MulF.self, op: "mul"), .mul(a: a.saved(if: b), b: b.saved(if: a), aShape: a.shape, bShape: b.shape), inputs: [a, b])
    }

    /// Elementwise quotient with broadcasting (`torch.div`).
    public static func / (a: Tensor, b: Tensor) throws -> Tensor {
        Autograd.record(try zipMap(a, b, DivF.self, op: "div"), .div(a: a.detached(), b: b.detached()), inputs: [a, b])
    }

    public static func + (a: Tensor, b: Float) throws -> Tensor { try a + Tensor(b) }
    public static func + (a: Float, b: Tensor) throws -> Tensor { try Tensor(a) + b }
    public static func - (a: Tensor, b: Float) throws -> Tensor { try a - Tensor(b) }
    public static func - (a: Float, b: Tensor) throws -> Tensor { try Tensor(a) - b }
    public static func * (a: Tensor, b: Float) throws -> Tensor { try a * Tensor(b) }
    public static func * (a: Float, b: Tensor) throws -> Tensor { try Tensor(a) * b }
    public static func / (a: Tensor, b: Float) throws -> Tensor { try a / Tensor(b) }
    public static func / (a: Float, b: Tensor) throws -> Tensor { try Tensor(a) / b }

    /// Negation (`torch.neg`).
    public static prefix func - (x: Tensor) -> Tensor {
        Autograd.record(mapElements(x, NegE()), .neg, inputs: [x])
    }

    /// The tensor itself when the other operand of a product needs it for its gradient, else an empty
    /// placeholder (saves keeping a tensor alive that no rule will read).
    func saved(if other: Tensor) -> Tensor { other.requiresGrad ? detached() : Tensor(0) }

    /// `self ** exponent` elementwise with broadcasting (`torch.pow`).
    public func pow(_ exponent: Tensor) throws -> Tensor {
        let out = try Tensor.zipMap(self, exponent, PowF.self, op: "pow")
        return Autograd.record(out, .pow(a: detached(), b: exponent.detached(), out: out), inputs: [self, exponent])
    }

    /// `self ** exponent` for a constant exponent (`x.pow(2)`).
    public func pow(_ exponent: Float) -> Tensor {
        let out: Tensor
        switch exponent {
        case 2: out = Tensor.mapElements(self, SquareE())
        case 1: out = copied()
        case 0.5: out = Tensor.mapElements(self, SqrtE())
        default: out = Tensor.mapElements(self, PowE(exponent: exponent))
        }
        return Autograd.record(out, .powScalar(a: detached(), exponent: exponent), inputs: [self])
    }

    /// The larger of the two at each position, with broadcasting (`torch.maximum`; NaN propagates).
    public func maximum(_ other: Tensor) throws -> Tensor {
        let out = try Tensor.zipMap(self, other, MaxF.self, op: "maximum")
        return Autograd.record(out, .maximum(a: detached(), b: other.detached()), inputs: [self, other])
    }

    /// The smaller of the two at each position, with broadcasting (`torch.minimum`; NaN propagates).
    public func minimum(_ other: Tensor) throws -> Tensor {
        let out = try Tensor.zipMap(self, other, MinF.self, op: "minimum")
        return Autograd.record(out, .minimum(a: detached(), b: other.detached()), inputs: [self, other])
    }

    // MARK: Unary maps

    /// e^x elementwise.
    public func exp() -> Tensor {
        let out = Tensor.map(self, Kernels.expForward)
        return Autograd.record(out, .exp(out: out), inputs: [self])
    }

    /// Natural logarithm elementwise (-inf at 0, NaN below).
    public func log() -> Tensor {
        Autograd.record(Tensor.mapElements(self, LogE()), .log(a: detached()), inputs: [self])
    }

    /// Square root elementwise (NaN below 0).
    public func sqrt() -> Tensor {
        let out = Tensor.mapElements(self, SqrtE())
        return Autograd.record(out, .sqrt(out: out), inputs: [self])
    }

    /// Absolute value elementwise (gradient 0 at 0, like PyTorch).
    public func abs() -> Tensor {
        Autograd.record(Tensor.mapElements(self, AbsE()), .abs(a: detached()), inputs: [self])
    }

    /// Hyperbolic tangent elementwise.
    public func tanh() -> Tensor {
        let out = Tensor.map(self, Kernels.tanhForward)
        return Autograd.record(out, .tanh(out: out), inputs: [self])
    }

    /// Logistic sigmoid elementwise.
    public func sigmoid() -> Tensor {
        let out = Tensor.map(self, Kernels.sigmoidForward)
        return Autograd.record(out, .sigmoid(out: out), inputs: [self])
    }

    /// Swift.max(x, 0) elementwise (gradient 0 at 0).
    public func relu() -> Tensor {
        Autograd.record(Tensor.mapElements(self, ReluE()), .relu(a: detached()), inputs: [self])
    }

    /// GELU elementwise: exact `x * Φ(x)` by default (PyTorch's default), or the tanh approximation.
    public func gelu(approximate: GeluApproximation = .none) -> Tensor {
        let out = Tensor.map(self) { o, i, n in Kernels.geluForward(o, i, n, approximate: approximate) }
        return Autograd.record(out, .gelu(a: detached(), approximate: approximate), inputs: [self])
    }

    /// SiLU (swish) elementwise: x * sigmoid(x).
    public func silu() -> Tensor {
        let out = Tensor.map(self, Kernels.siluForward)
        return Autograd.record(out, .silu(a: detached()), inputs: [self])
    }

    /// Values limited to `[min, max]` (either bound optional; `torch.clamp`). Gradient 1 inside, 0 outside.
    public func clamped(min lo: Float? = nil, max hi: Float? = nil) -> Tensor {
        let l = lo ?? -.infinity, h = hi ?? .infinity
        let out = Tensor.mapElements(self, ClampE(lo: l, hi: h))
        return Autograd.record(out, .clamp(a: detached(), min: l, max: h), inputs: [self])
    }

    /// silu(self) * up, fused (the SwiGLU gate); shapes must match.
    public func swiglu(_ up: Tensor) throws -> Tensor {
        if shape != up.shape { throw TensorError("swiglu", "gate shape \(fmt(shape)) and up shape \(fmt(up.shape)) differ") }
        let g = contiguousData(), u = up.contiguousData()
        let out = Tensor.uninitialized(validShape: shape)
        withExtendedLifetime((g, u)) { Kernels.swigluForward(out.pointer, g.pointer, u.pointer, count) }
        return Autograd.record(out, .swiglu(gate: g, up: u), inputs: [self, up])
    }

    // MARK: Comparisons and selection (not differentiable)

    /// 1 where equal, else 0 (broadcasting). Comparisons return Float32 masks of 0 and 1.
    public func eq(_ other: Tensor) throws -> Tensor { try Tensor.zipMap(self, other, EqF.self, op: "eq") }
    /// 1 where not equal, else 0 (broadcasting).
    public func ne(_ other: Tensor) throws -> Tensor { try Tensor.zipMap(self, other, NeF.self, op: "ne") }
    /// 1 where self < other, else 0 (broadcasting).
    public func lt(_ other: Tensor) throws -> Tensor { try Tensor.zipMap(self, other, LtF.self, op: "lt") }
    /// 1 where self <= other, else 0 (broadcasting).
    public func le(_ other: Tensor) throws -> Tensor { try Tensor.zipMap(self, other, LeF.self, op: "le") }
    /// 1 where self > other, else 0 (broadcasting).
    public func gt(_ other: Tensor) throws -> Tensor { try Tensor.zipMap(self, other, GtF.self, op: "gt") }
    /// 1 where self >= other, else 0 (broadcasting).
    public func ge(_ other: Tensor) throws -> Tensor { try Tensor.zipMap(self, other, GeF.self, op: "ge") }

    public func eq(_ v: Float) -> Tensor { Tensor.mapElements(self, RightScalar<EqF>(v)) }
    public func ne(_ v: Float) -> Tensor { Tensor.mapElements(self, RightScalar<NeF>(v)) }
    public func lt(_ v: Float) -> Tensor { Tensor.mapElements(self, RightScalar<LtF>(v)) }
    public func le(_ v: Float) -> Tensor { Tensor.mapElements(self, RightScalar<LeF>(v)) }
    public func gt(_ v: Float) -> Tensor { Tensor.mapElements(self, RightScalar<GtF>(v)) }
    public func ge(_ v: Float) -> Tensor { Tensor.mapElements(self, RightScalar<GeF>(v)) }

    /// 1 where the value is finite, else 0.
    public func isFiniteMask() -> Tensor { Tensor.mapElements(self, IsFiniteE()) }

    /// `a` where `condition` is non-zero, else `b`, all broadcast together (`torch.where`).
    /// Differentiable in `a` and `b`.
    public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        let s1 = try Shape.broadcast(condition.shape, a.shape, op: "where")
        let shape = try Shape.broadcast(s1, b.shape, op: "where")
        let out = try uninitialized(shape, op: "where")
        let c = try condition.detached().expanded(to: shape).contiguousData()
        let x = try a.detached().expanded(to: shape).contiguousData()
        let y = try b.detached().expanded(to: shape).contiguousData()
        let po = SendablePointer(out.pointer), pc = SendablePointer(c.pointer)
        let px = SendablePointer(x.pointer), py = SendablePointer(y.pointer)
        withExtendedLifetime((c, x, y)) {
            Parallel.forRanges(out.count) { r in for i in r { po.p[i] = pc.p[i] != 0 ? px.p[i] : py.p[i] } }
        }
        return Autograd.record(out, .where(condition: c, aShape: a.shape, bShape: b.shape), inputs: [a, b])
    }
}
