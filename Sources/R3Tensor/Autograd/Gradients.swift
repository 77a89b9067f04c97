/// Every differentiable op with what its backward rule needs, and the rules themselves: one table
/// (the `switch` in `backward`), one case per op, beside the ops in `Ops/` and `Core/Views.swift`.
/// Saved tensors are detached (no graph cycles). Each rule returns one gradient per input, shaped
/// like that input: the rules of broadcasting ops un-broadcast theirs with `summed(toShape:)`.
/// Rules run with grad mode off and skip the inputs that need no gradient (`needs[i] == false`).
indirect enum Op {
    // Views and layout
    case contiguous
    case reshape(inputShape: [Int])
    case permute(axes: [Int])
    case expand(inputShape: [Int])
    case slice(inputShape: [Int], starts: [Int], steps: [Int])
    // Pointwise
    case add(aShape: [Int], bShape: [Int])
    case sub(aShape: [Int], bShape: [Int])
    case mul(a: Tensor, b: Tensor, aShape: [Int], bShape: [Int])
    case div(a: Tensor, b: Tensor)
    case pow(a: Tensor, b: Tensor, out: Tensor)
    case powScalar(a: Tensor, exponent: Float)
    case maximum(a: Tensor, b: Tensor)
    case minimum(a: Tensor, b: Tensor)
    case neg
    case exp(out: Tensor)
    case log(a: Tensor)
    case sqrt(out: Tensor)
    case abs(a: Tensor)
    case tanh(out: Tensor)
    case sigmoid(out: Tensor)
    case relu(a: Tensor)
    case gelu(a: Tensor, approximate: GeluApproximation)
    case silu(a: Tensor)
    case clamp(a: Tensor, min: Float, max: Float)
    case swiglu(gate: Tensor, up: Tensor)
    case `where`(condition: Tensor, aShape: [Int], bShape: [Int])
    // Reductions
    case sum(inputShape: [Int], axes: [Int], keepDim: Bool)
    case mean(inputShape: [Int], axes: [Int], keepDim: Bool)
    case extremum(inputShape: [Int], indices: [Int32], outer: Int, red: Int, inner: Int)
    // Linear algebra and networks
    case matmul(a: Tensor, b: Tensor)
    case softmax(out: Tensor)
    case logSoftmax(out: Tensor)
    case layerNorm(x: Tensor, weight: Tensor?, hasBias: Bool, mean: Tensor, rstd: Tensor)
    case rmsNorm(x: Tensor, weight: Tensor?, rstd: Tensor)
    case crossEntropy(logits: Tensor, targets: [Int32], lse: Tensor, ignoreIndex: Int32, reduction: LossReduction, valid: Int)
    case dropout(mask: Tensor)
    // Indexing
    case concat(axis: Int, sizes: [Int])
    case indexSelect(inputShape: [Int], axis: Int, indices: [Int32])
    case gather(inputShape: [Int], offsets: [Int])
    // Extension point for fused ops written outside this module
    case custom(name: String, rule: @Sendable (Tensor) throws -> [Tensor?])

    var name: String {
        switch self {
        case .contiguous: return "contiguous"
        case .reshape: return "reshaped"
        case .permute: return "permuted"
        case .expand: return "expanded"
        case .slice: return "index"
        case .add: return "add"
        case .sub: return "sub"
        case .mul: return "mul"
        case .div: return "div"
        case .pow, .powScalar: return "pow"
        case .maximum: return "maximum"
        case .minimum: return "minimum"
        case .neg: return "neg"
        case .exp: return "exp"
        case .log: return "log"
        case .sqrt: return "sqrt"
        case .abs: return "abs"
        case .tanh: return "tanh"
        case .sigmoid: return "sigmoid"
        case .relu: return "relu"
        case .gelu: return "gelu"
        case .silu: return "silu"
        case .clamp: return "clamped"
        case .swiglu: return "swiglu"
        case .where: return "where"
        case .sum: return "sum"
        case .mean: return "mean"
        case .extremum: return "max/min"
        case .matmul: return "matmul"
        case .softmax: return "softmax"
        case .logSoftmax: return "log_softmax"
        case .layerNorm: return "layer_norm"
        case .rmsNorm: return "rms_norm"
        case .crossEntropy: return "cross_entropy"
        case .dropout: return "dropout"
        case .concat: return "concat"
        case .indexSelect: return "index_select"
        case .gather: return "gather"
        case .custom(let name, _): return name
        }
    }

    /// The gradients of the inputs given the gradient `g` of the output.
    func backward(_ g: Tensor, needs: [Bool]) throws -> [Tensor?] {
        func need(_ i: Int) -> Bool { i < needs.count && needs[i] }
        switch self {
        case .contiguous:
            return [g]
        case .reshape(let inputShape):
            return [try g.reshaped(inputShape)]
        case .permute(let axes):
            var inverse = [Int](repeating: 0, count: axes.count)
            for (i, a) in axes.enumerated() { inverse[a] = i }
            return [g.permutedUnchecked(inverse)]
        case .expand(let inputShape):
            return [try g.summed(toShape: inputShape)]
        case .slice(let inputShape, let starts, let steps):
            let full = Tensor.zeros(validShape: inputShape)
            var window = full.slicedView(starts: starts, counts: g.shape, steps: steps)
            window.copyElements(from: g)
            return [full]

        case .add(let aShape, let bShape):
            return [need(0) ? try g.summed(toShape: aShape) : nil, need(1) ? try g.summed(toShape: bShape) : nil]
        case .sub(let aShape, let bShape):
            return [need(0) ? try g.summed(toShape: aShape) : nil, need(1) ? try (-g).summed(toShape: bShape) : nil]
        case .mul(let a, let b, let aShape, let bShape):
            return [need(0) ? try (g * b).summed(toShape: aShape) : nil, need(1) ? try (g * a).summed(toShape: bShape) : nil]
        case .div(let a, let b):
            return [need(0) ? try (g / b).summed(toShape: a.shape) : nil,
                    need(1) ? try (-(g * a) / (b * b)).summed(toShape: b.shape) : nil]
        case .pow(let a, let b, let out):
            let da = need(0) ? try (g * b * a.pow(b - 1)).summed(toShape: a.shape) : nil
            var db: Tensor? = nil
            if need(1) {
                // d/db a^b = a^b log a, defined as 0 where a == 0 and b >= 0 (as PyTorch does).
                let raw = try g * out * a.log()
                let zeroBase = try a.eq(0) * b.ge(0)
                db = try Tensor.where(zeroBase, Tensor(0), raw).summed(toShape: b.shape)
            }
            return [da, db]
        case .powScalar(let a, let e):
            return [try g * (a.pow(e - 1) * e)]
        case .maximum(let a, let b), .minimum(let a, let b):
            // Ties split the gradient evenly, as PyTorch does.
            let isMax: Bool
            if case .maximum = self { isMax = true } else { isMax = false }
            let wins = try (isMax ? a.gt(b) : a.lt(b)) + a.eq(b) * 0.5
            return [need(0) ? try (g * wins).summed(toShape: a.shape) : nil,
                    need(1) ? try (g * (1 - wins)).summed(toShape: b.shape) : nil]
        case .neg:
            return [-g]
        case .exp(let out):
            return [try g * out]
        case .log(let a):
            return [try g / a]
        case .sqrt(let out):
            return [try g / (out * 2)]
        case .abs(let a):
            return [try g * Tensor.mapElements(a, SignE())]
        case .tanh(let out):
            return [try g * Tensor.mapElements(out, TanhGradE())]
        case .sigmoid(let out):
            return [try g * Tensor.mapElements(out, SigmoidGradE())]
        case .relu(let a):
            return [try g * a.gt(0)]
        case .gelu(let a, let approximate):
            return [Tensor.pointwiseBackward(g, a) { d, x, go, n in Kernels.geluBackward(d, x, go, n, approximate: approximate) }]
        case .silu(let a):
            return [Tensor.pointwiseBackward(g, a, Kernels.siluBackward)]
        case .clamp(let a, let lo, let hi):
            return [try g * Tensor.mapElements(a, InRangeE(lo: lo, hi: hi))]
        case .swiglu(let gate, let up):
            let gc = g.contiguousData()
            let dg = Tensor.uninitialized(validShape: gate.shape), du = Tensor.uninitialized(validShape: up.shape)
            withExtendedLifetime(gc) { Kernels.swigluBackward(dg.pointer, du.pointer, gate.pointer, up.pointer, gc.pointer, gate.count) }
            return [dg, du]
        case .where(let condition, let aShape, let bShape):
            let zero = Tensor(0)
            return [need(0) ? try Tensor.where(condition, g, zero).summed(toShape: aShape) : nil,
                    need(1) ? try Tensor.where(condition, zero, g).summed(toShape: bShape) : nil]

        case .sum(let inputShape, let axes, let keepDim), .mean(let inputShape, let axes, let keepDim):
            var kept = g
            if !keepDim { kept = try g.reshaped(Tensor.reducedShape(inputShape, axes: axes, keepDim: true)) }
            if case .mean = self {
                let n = axes.reduce(1) { $0 * inputShape[$1] }
                kept = try kept * (1 / Float(n))
            }
            return [try kept.expanded(to: inputShape)]
        case .extremum(let inputShape, let indices, let outer, let red, let inner):
            let dx = Tensor.zeros(validShape: inputShape)
            let gc = g.contiguousData()
            for o in 0..<outer {
                for i in 0..<inner { dx.pointer[(o * red + Int(indices[o * inner + i])) * inner + i] = gc.pointer[o * inner + i] }
            }
            return [dx]

        case .matmul(let a, let b):
            var da: Tensor? = nil, db: Tensor? = nil
            if need(0) { da = try Tensor.matmulData(g, b.mT, shapes: (g.shape, b.shape)).summed(toShape: a.shape) }
            if need(1) {
                if b.rank == 2 && a.rank > 2 {
                    // Fold the batch: dB = A[-1, K]^T @ G[-1, N], one product.
                    let k = a.shape[a.rank - 1], n = g.shape[g.rank - 1]
                    db = try Tensor.matmulData(a.reshaped([-1, k]).T, g.reshaped([-1, n]), shapes: (a.shape, g.shape))
                } else {
                    db = try Tensor.matmulData(a.mT, g, shapes: (a.shape, g.shape)).summed(toShape: b.shape)
                }
            }
            return [da, db]
        case .softmax(let out):
            return [Tensor.rowBackward(g, out, Kernels.softmaxBackward)]
        case .logSoftmax(let out):
            return [Tensor.rowBackward(g, out, Kernels.logSoftmaxBackward)]
        case .layerNorm(let x, let weight, let hasBias, let mean, let rstd):
            let gc = g.contiguousData()
            let cols = x.shape.last ?? 0, rows = mean.count
            let dx = Tensor.uninitialized(validShape: x.shape)
            let dw = weight.map { Tensor.zeros(like: $0) }
            let db = hasBias ? Tensor.zeros(validShape: [cols]) : nil
            withExtendedLifetime(gc) {
                Kernels.layerNormBackward(dx.pointer, dweight: need(1) ? dw?.pointer : nil, dbias: db?.pointer, dout: gc.pointer,
                                          inp: x.pointer, weight: weight?.pointer, mean: mean.pointer, rstd: rstd.pointer,
                                          rows: rows, cols: cols)
            }
            var grads: [Tensor?] = [dx]
            if let dw { grads.append(dw) }
            if let db { grads.append(db) }
            return grads
        case .rmsNorm(let x, let weight, let rstd):
            let gc = g.contiguousData()
            let cols = x.shape.last ?? 0, rows = rstd.count
            let dx = Tensor.uninitialized(validShape: x.shape)
            let dw = weight.map { Tensor.zeros(like: $0) }
            withExtendedLifetime(gc) {
                Kernels.rmsNormBackward(dx.pointer, dweight: dw?.pointer, dout: gc.pointer, inp: x.pointer, weight: weight?.pointer,
                                        rstd: rstd.pointer, rows: rows, cols: cols)
            }
            return dw.map { [dx, $0] } ?? [dx]
        case .crossEntropy(let logits, let targets, let lse, let ignoreIndex, let reduction, let valid):
            let rows = targets.count, classes = logits.shape.last ?? 0
            let gc = g.contiguousData()
            var dlosses = [Float](repeating: 0, count: rows)
            switch reduction {
            case .mean: if valid > 0 { dlosses = [Float](repeating: gc.pointer[0] / Float(valid), count: rows) }
            case .sum: dlosses = [Float](repeating: gc.pointer[0], count: rows)
            case .none: for r in 0..<rows { dlosses[r] = gc.pointer[r] }
            }
            let dx = Tensor.uninitialized(validShape: logits.shape)
            if rows == 0 { return [dx] }
            targets.withUnsafeBufferPointer { tp in
                dlosses.withUnsafeBufferPointer { dp in
                    Kernels.crossEntropyBackward(dx.pointer, dlosses: dp.baseAddress!, logits: logits.pointer, lse: lse.pointer,
                                                 targets: tp.baseAddress!, rows: rows, classes: classes, ignoreIndex: ignoreIndex)
                }
            }
            return [dx]
        case .dropout(let mask):
            return [try g * mask]

        case .concat(let axis, let sizes):
            var start = 0
            var grads: [Tensor?] = []
            for (i, size) in sizes.enumerated() {
                grads.append(need(i) ? try g.sliced(axis: axis, start: start, end: start + size) : nil)
                start += size
            }
            return grads
        case .indexSelect(let inputShape, let axis, let indices):
            let dx = Tensor.zeros(validShape: inputShape)
            if indices.isEmpty { return [dx] }
            let gc = g.contiguousData()
            let outer = inputShape[..<axis].reduce(1, *), size = inputShape[axis], inner = inputShape[(axis + 1)...].reduce(1, *)
            withExtendedLifetime(gc) {
                indices.withUnsafeBufferPointer { ip in
                    for o in 0..<outer {
                        Kernels.embeddingBackward(dx.pointer + o * size * inner, dout: gc.pointer + o * indices.count * inner,
                                                  ids: ip.baseAddress!, count: indices.count, dim: inner)
                    }
                }
            }
            return [dx]
        case .gather(let inputShape, let offsets):
            let dx = Tensor.zeros(validShape: inputShape)
            let gc = g.contiguousData()
            for (i, o) in offsets.enumerated() { dx.pointer[o] += gc.pointer[i] }
            return [dx]

        case .custom(_, let rule):
            return try rule(g)
        }
    }
}

extension Tensor {
    /// dinp = kernel(inp, dout) over contiguous data (pointwise activation backward).
    static func pointwiseBackward(_ g: Tensor, _ x: Tensor,
                                  _ kernel: (UnsafeMutablePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>, Int) -> Void) -> Tensor {
        let gc = g.contiguousData()
        let dx = uninitialized(validShape: x.shape)
        withExtendedLifetime(gc) { kernel(dx.pointer, x.pointer, gc.pointer, x.count) }
        return dx
    }

    /// dinp = kernel(dout, out) row by row over the last axis (softmax-style backward).
    static func rowBackward(_ g: Tensor, _ out: Tensor,
                            _ kernel: (UnsafeMutablePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>, Int, Int) -> Void) -> Tensor {
        let gc = g.contiguousData()
        let cols = out.shape.last ?? 1
        let dx = uninitialized(validShape: out.shape)
        withExtendedLifetime(gc) { kernel(dx.pointer, gc.pointer, out.pointer, cols == 0 ? 0 : out.count / cols, cols) }
        return dx
    }

    /// Records a differentiable op computed outside the built-in ops (a fused kernel in model code).
    ///
    /// - Parameters:
    ///   - name: the op's name in error messages.
    ///   - output: the result, computed from `inputs` without autograd.
    ///   - inputs: the tensors the result depends on.
    ///   - backward: maps the output gradient (shape of `output`) to one gradient per input (shape
    ///     of that input, or nil for none). It must not capture `output`'s graph (capture detached tensors).
    public static func customOp(_ name: String, output: Tensor, inputs: [Tensor],
                                backward: @escaping @Sendable (Tensor) throws -> [Tensor?]) -> Tensor {
        Autograd.record(output.detached(), .custom(name: name, rule: backward), inputs: inputs)
    }
}
