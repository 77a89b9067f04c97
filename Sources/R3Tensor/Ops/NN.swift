import R3Random

/// How `crossEntropy` combines the per-position losses.
public enum LossReduction: String, Sendable {
    /// The mean over positions whose target is not the ignore index (PyTorch's default).
    case mean
    /// The sum over positions.
    case sum
    /// One loss per position (ignored positions give 0).
    case none
}

extension Tensor {
    /// The tensor with `axis` moved last (contiguous), and the permutation to undo it.
    private func movingAxisLast(_ axis: Int, op: String) throws -> (Tensor, [Int]?) {
        let a = try Shape.axis(axis, rank: rank, op: op)
        if a == rank - 1 { return (self, nil) }
        var perm = Array(0..<rank)
        perm.remove(at: a)
        perm.append(a)
        var inverse = [Int](repeating: 0, count: rank)
        for (i, p) in perm.enumerated() { inverse[p] = i }
        return (permutedUnchecked(perm), inverse)
    }

    /// Softmax along `axis` (default: the last): exp(x - max) / Σ exp(x - max).
    public func softmax(axis: Int = -1) throws -> Tensor {
        let (x, inverse) = try movingAxisLast(axis, op: "softmax")
        let c = x.contiguousData()
        let cols = x.shape.last ?? 1
        let out = Tensor.uninitialized(validShape: x.shape)
        withExtendedLifetime(c) { Kernels.softmaxForward(out.pointer, c.pointer, rows: cols == 0 ? 0 : x.count / cols, cols: cols) }
        let y = Autograd.record(out, .softmax(out: out), inputs: [x])
        return inverse.map { y.permutedUnchecked($0) } ?? y
    }

    /// Log-softmax along `axis` (default: the last): x - logsumexp(x).
    public func logSoftmax(axis: Int = -1) throws -> Tensor {
        let (x, inverse) = try movingAxisLast(axis, op: "log_softmax")
        let c = x.contiguousData()
        let cols = x.shape.last ?? 1
        let out = Tensor.uninitialized(validShape: x.shape)
        withExtendedLifetime(c) { Kernels.logSoftmaxForward(out.pointer, c.pointer, rows: cols == 0 ? 0 : x.count / cols, cols: cols) }
        let y = Autograd.record(out, .logSoftmax(out: out), inputs: [x])
        return inverse.map { y.permutedUnchecked($0) } ?? y
    }

    /// Checks an optional affine parameter of a norm over the last axis.
    private func checkNormParameter(_ p: Tensor?, _ what: String, op: String) throws -> Tensor? {
        guard let p else { return nil }
        let c = shape.last ?? 0
        if p.shape != [c] {
            throw TensorError(op, "\(what) shape \(fmt(p.shape)) does not match the last dimension \(c) of \(fmt(shape))")
        }
        return p.contiguousData()
    }

    /// Layer normalisation over the last axis (`F.layer_norm(x, [C], weight, bias, eps)`):
    /// (x - mean) / sqrt(var + eps) * weight + bias, with the biased variance. weight, bias: [C].
    public func layerNorm(weight: Tensor? = nil, bias: Tensor? = nil, eps: Float = 1e-5) throws -> Tensor {
        if rank == 0 { throw TensorError("layer_norm", "needs at least 1 dimension, got a scalar") }
        let w = try checkNormParameter(weight, "weight", op: "layer_norm"), b = try checkNormParameter(bias, "bias", op: "layer_norm")
        let x = contiguousData()
        let cols = shape[rank - 1], rows = cols == 0 ? 0 : count / cols
        let out = Tensor.uninitialized(validShape: shape)
        let mean = Tensor.uninitialized(validShape: [rows]), rstd = Tensor.uninitialized(validShape: [rows])
        withExtendedLifetime((x, w, b)) {
            Kernels.layerNormForward(out.pointer, mean: mean.pointer, rstd: rstd.pointer, x.pointer, weight: w?.pointer,
                                     bias: b?.pointer, rows: rows, cols: cols, eps: eps)
        }
        var inputs = [self]
        if let weight { inputs.append(weight) }
        if let bias { inputs.append(bias) }
        return Autograd.record(out, .layerNorm(x: x, weight: w, hasBias: bias != nil, mean: mean, rstd: rstd), inputs: inputs)
    }

    /// RMS normalisation over the last axis (Llama's RMSNorm): x / sqrt(mean(x²) + eps) * weight.
    /// weight: [C] (optional). Default eps 1e-6 (Llama's `rms_norm_eps`).
    public func rmsNorm(weight: Tensor? = nil, eps: Float = 1e-6) throws -> Tensor {
        if rank == 0 { throw TensorError("rms_norm", "needs at least 1 dimension, got a scalar") }
        let w = try checkNormParameter(weight, "weight", op: "rms_norm")
        let x = contiguousData()
        let cols = shape[rank - 1], rows = cols == 0 ? 0 : count / cols
        let out = Tensor.uninitialized(validShape: shape)
        let rstd = Tensor.uninitialized(validShape: [rows])
        withExtendedLifetime((x, w)) {
            Kernels.rmsNormForward(out.pointer, rstd: rstd.pointer, x.pointer, weight: w?.pointer, rows: rows, cols: cols, eps: eps)
        }
        var inputs = [self]
        if let weight { inputs.append(weight) }
        return Autograd.record(out, .rmsNorm(x: x, weight: w, rstd: rstd), inputs: inputs)
    }

    /// Converts integral Float32 values (class ids, token ids, indices) to Int32, naming the op on failure.
    func integerValues(op: String, what: String) throws -> [Int32] {
        let c = contiguousData()
        var out = [Int32](repeating: 0, count: c.count)
        for i in 0..<c.count {
            let v = c.pointer[i]
            if v != v.rounded() || Swift.abs(v) >= 2_147_483_648 {
                throw TensorError(op, "\(what) \(v) at flat position \(i) is not an integer")
            }
            out[i] = Int32(v)
        }
        return out
    }

    /// Cross-entropy of logits [..., C] against class indices [...] (`F.cross_entropy` with the
    /// class axis last), positions whose target is `ignoreIndex` excluded. `.mean` divides by the
    /// number of non-ignored positions (0 when every position is ignored, with zero gradient, where
    /// PyTorch gives NaN).
    public func crossEntropy(targets: Tensor, ignoreIndex: Int = -100, reduction: LossReduction = .mean) throws -> Tensor {
        try crossEntropy(targets: targets.integerValues(op: "cross_entropy", what: "target"), targetShape: targets.shape,
                         ignoreIndex: ignoreIndex, reduction: reduction)
    }

    /// Cross-entropy against class indices given as integers (shape: the logits' shape without the last axis).
    public func crossEntropy(targets: [Int], ignoreIndex: Int = -100, reduction: LossReduction = .mean) throws -> Tensor {
        var t = [Int32]()
        t.reserveCapacity(targets.count)
        for v in targets {
            if v < Int(Int32.min) || v > Int(Int32.max) { throw TensorError("cross_entropy", "target \(v) is out of range") }
            t.append(Int32(v))
        }
        return try crossEntropy(targets: t, targetShape: Array(shape.dropLast()), ignoreIndex: ignoreIndex, reduction: reduction)
    }

    func crossEntropy(targets: [Int32], targetShape: [Int], ignoreIndex: Int, reduction: LossReduction) throws -> Tensor {
        if rank == 0 { throw TensorError("cross_entropy", "logits need at least 1 dimension (classes last), got a scalar") }
        let classes = shape[rank - 1]
        let positions = Array(shape.dropLast())
        if targetShape != positions || targets.count != Shape.product(positions) {
            throw TensorError("cross_entropy", "logits \(fmt(shape)) need targets of shape \(fmt(positions)), got \(fmt(targetShape))")
        }
        guard let ignore = Int32(exactly: ignoreIndex) else {
            throw TensorError("cross_entropy", "ignoreIndex \(ignoreIndex) is out of range")
        }
        for (i, t) in targets.enumerated() where t != ignore && (t < 0 || Int(t) >= classes) {
            throw TensorError("cross_entropy", "target \(t) at position \(i) is out of range for \(classes) classes (ignoreIndex is \(ignoreIndex))")
        }
        let x = contiguousData()
        let rows = targets.count
        let losses = Tensor.uninitialized(validShape: positions), lse = Tensor.uninitialized(validShape: [rows])
        let valid = rows == 0 ? 0 : withExtendedLifetime(x) {
            targets.withUnsafeBufferPointer { tp in
                Kernels.crossEntropyForward(losses: losses.pointer, lse: lse.pointer, logits: x.pointer, targets: tp.baseAddress!,
                                            rows: rows, classes: classes, ignoreIndex: ignore)
            }
        }
        let out: Tensor
        switch reduction {
        case .none: out = losses
        case .sum: out = Tensor(RowMath.sum(losses.pointer, rows))
        case .mean: out = Tensor(valid == 0 ? 0 : RowMath.sum(losses.pointer, rows) / Float(valid))
        }
        return Autograd.record(out, .crossEntropy(logits: x, targets: targets, lse: lse, ignoreIndex: ignore, reduction: reduction, valid: valid),
                               inputs: [self])
    }

    /// Inverted dropout (`F.dropout` in training mode): each element is zeroed with probability `p`
    /// and the rest are scaled by 1 / (1 - p). The mask is drawn from `generator` in row-major order.
    public func dropout(p: Float, using generator: inout RandomGenerator) throws -> Tensor {
        if !(p >= 0 && p <= 1) { throw TensorError("dropout", "probability must be in [0, 1], got \(p)") }
        if p == 0 { return self }
        let mask = Tensor.uninitialized(validShape: shape)
        let scale: Float = p == 1 ? 0 : 1 / (1 - p)
        for i in 0..<count { mask.pointer[i] = generator.nextFloat() < p ? 0 : scale }
        let out = try Tensor.zipMap(self, mask, MulF.self, op: "dropout")
        return Autograd.record(out, .dropout(mask: mask), inputs: [self])
    }

    /// Dropout with a mask from a generator seeded with `seed` (the same seed gives the same mask).
    public func dropout(p: Float, seed: UInt64) throws -> Tensor {
        var g = RandomGenerator(seed: seed)
        return try dropout(p: p, using: &g)
    }
}
