import R3Script
import R3Tensor

/// The methods of `Tensor` objects (`t.sum(axis: 1)`), with `:help` under `Tensor.NAME`. Each
/// doc gives the shapes; errors read `Tensor.sum(): axis 3 out of range for rank 2`.
enum TensorMethods {
    static func receiver(_ a: Arguments) -> Tensor { a.receiver(as: TensorObject.self).tensor }

    /// A method computing a new tensor from the receiver and the arguments.
    static func op(_ signature: String, doc: String, _ body: @escaping (Tensor, Arguments) throws -> Tensor) -> Builtin {
        Builtin(signature, owner: "Tensor", doc: doc) { a in
            TensorValues.value(try TensorValues.run(a) { try body(receiver(a), a) })
        }
    }

    /// A method mapping each element (no arguments).
    static func map(_ name: String, doc: String, _ f: @escaping (Tensor) -> Tensor) -> Builtin {
        op("\(name)()", doc: doc) { t, _ in f(t) }
    }

    /// A reduction with an optional `axis` (a number, or a list for several) and `keepDim`.
    static func reduction(_ name: String, doc: String, all: @escaping (Tensor) throws -> Tensor,
                          along: @escaping (Tensor, [Int], Bool) throws -> Tensor) -> Builtin {
        op("\(name)(axis = nil, keepDim = false)", doc: doc) { t, a in
            let keep = try a.bool("keepDim")
            guard let axes = try TensorValues.axes(a) else {
                let r = try all(t)
                return keep ? try r.reshaped([Int](repeating: 1, count: t.rank)) : r
            }
            return try along(t, axes, keep)
        }
    }

    /// One axis for the reductions that take only one (`max`, `argmax` ...).
    static func single(_ axes: [Int], _ name: String) throws -> Int {
        guard axes.count == 1 else { throw TensorError(name, "takes one axis, got \(axes.count) (sum and mean take several)") }
        return axes[0]
    }

    static let list: [Builtin] = [
        // MARK: Values
        Builtin("item()", owner: "Tensor",
                doc: "The value of a one-element tensor (any rank) as a number, like torch's item(). Other shapes are an error.") { a in
            .number(TensorValues.number(try TensorValues.run(a) { try receiver(a).item() }))
        },
        Builtin("list()", owner: "Tensor",
                doc: "The elements as nested lists of numbers (shape [2, 3] gives 2 lists of 3 numbers; rank 0 gives a number), like torch's tolist().") { a in
            TensorValues.nestedValue(receiver(a).toNested())
        },
        op("copy()", doc: "A copy of the values in new storage that requires no grad (torch's clone().detach()): writes to the copy never reach the original.") { t, _ in
            try Tensor(shape: t.shape, data: t.toArray())
        },

        // MARK: Views
        op("reshaped(shape)",
           doc: "The same elements with a new shape (a list; one entry may be -1 and is inferred): [2, 3] -> reshaped([3, 2]) or reshaped([-1]). A view when the tensor is contiguous, else a copy. Differentiable.") { t, a in
            try t.reshaped(try TensorValues.shape(a))
        },
        op("flattened()", doc: "All elements as one axis: shape [a, b, c] -> [a*b*c]. Differentiable.") { t, _ in t.flattened() },
        op("permuted(axes)",
           doc: "The axes reordered: output axis i is input axis axes[i] (torch's permute): [2, 3, 4].permuted([2, 0, 1]) -> [4, 2, 3]. A view; differentiable.") { t, a in
            try t.permuted(try TensorValues.ints(a, "axes"))
        },
        op("transposed(a, b)",
           doc: "Axes a and b swapped (torch's transpose; negative axes count from the end): [2, 3, 4].transposed(0, 2) -> [4, 3, 2]. A view; differentiable. t.T reverses all axes (the matrix transpose for 2-D), t.mT swaps the last two.") { t, a in
            try t.transposed(try a.int("a"), try a.int("b"))
        },
        op("contiguous()",
           doc: "The same values laid out row-major without gaps (the tensor itself when it already is, e.g. after t.T a copy is made). Differentiable.") { t, _ in
            t.contiguous()
        },
        op("expanded(shape)",
           doc: "A view broadcast to `shape` (torch's expand): size-1 axes repeat and new leading axes are added: [3, 1] -> expanded([2, 3, 4]). The gradient sums over the copies.") { t, a in
            try t.expanded(to: try TensorValues.shape(a))
        },
        op("squeezed(axis = nil)",
           doc: "Size-1 axes removed: all of them, or only `axis` (which must have size 1): [1, 3, 1] -> [3]; squeezed(axis: 0) -> [3, 1].") { t, a in
            try t.squeezed(axis: try a.optionalInt("axis"))
        },
        op("unsqueezed(axis)", doc: "A size-1 axis inserted at `axis` (in -(rank+1)...rank): [3] -> unsqueezed(axis: 0) -> [1, 3]; unsqueezed(axis: -1) -> [3, 1].") { t, a in
            try t.unsqueezed(axis: try a.int("axis"))
        },
        op("sliced(axis, start = nil, end = nil, step = 1)",
           doc: "Elements start..<end by `step` along `axis` (bounds clamped and negative ones counted from the end, like Python slices; step > 0): t.sliced(axis: 1, start: 0, end: 4, step: 2) is NumPy's t[:, 0:4:2]. A view; differentiable.") { t, a in
            try t.sliced(axis: try a.int("axis"), start: try a.optionalInt("start"), end: try a.optionalInt("end"), step: try a.int("step"))
        },

        // MARK: Reductions
        reduction("sum", doc: "The sum of all elements (a rank-0 tensor), or over `axis` (a number, or a list of axes): [2, 3].sum(axis: 1) -> [2]; with keepDim: true -> [2, 1]. Summed in fixed order: the same bits on any thread count. Differentiable.",
                  all: { $0.sum() }, along: { try $0.sum(axes: $1, keepDim: $2) }),
        reduction("mean", doc: "The mean of all elements (rank 0; nan for an empty tensor), or over `axis` (a number or a list): [2, 3].mean(axis: 0) -> [3]; keepDim: true keeps the axis as size 1. Differentiable.",
                  all: { $0.mean() }, along: { try $0.mean(axes: $1, keepDim: $2) }),
        reduction("max", doc: "The largest element (rank 0), or the largest values along one `axis`: [2, 3].max(axis: 1) -> [2] (values only; argmax gives the positions). NaN propagates. The gradient goes to the first maximum.",
                  all: { try $0.max() }, along: { try $0.max(axis: single($1, "max"), keepDim: $2) }),
        reduction("min", doc: "The smallest element (rank 0), or the smallest values along one `axis`: [2, 3].min(axis: 0) -> [3]. The gradient goes to the first minimum.",
                  all: { try $0.min() }, along: { try $0.min(axis: single($1, "min"), keepDim: $2) }),
        reduction("argmax", doc: "The position of the largest element: over everything, the row-major index (rank 0); along one `axis`, the indices there: [2, 3].argmax(axis: 1) -> [2]. Indices are whole numbers stored as floats; the first wins on ties; NaN counts as largest. Not differentiable.",
                  all: { try $0.argmax() }, along: { try $0.argmax(axis: single($1, "argmax"), keepDim: $2) }),
        reduction("argmin", doc: "The position of the smallest element (row-major index, rank 0), or the indices along one `axis`: [2, 3].argmin(axis: 0) -> [3]. The first wins on ties.",
                  all: { try $0.argmin() }, along: { try $0.argmin(axis: single($1, "argmin"), keepDim: $2) }),

        // MARK: Elementwise
        map("exp", doc: "e^x elementwise (any shape, same shape out). Differentiable.") { $0.exp() },
        map("log", doc: "The natural logarithm elementwise (-inf at 0, nan below). Differentiable.") { $0.log() },
        map("sqrt", doc: "The square root elementwise (nan below 0). Differentiable.") { $0.sqrt() },
        map("abs", doc: "The absolute value elementwise (gradient 0 at 0, as in PyTorch).") { $0.abs() },
        map("tanh", doc: "The hyperbolic tangent elementwise. Differentiable.") { $0.tanh() },
        map("sigmoid", doc: "The logistic sigmoid 1 / (1 + e^-x) elementwise. Differentiable.") { $0.sigmoid() },
        map("relu", doc: "max(x, 0) elementwise (gradient 0 at 0). Differentiable.") { $0.relu() },
        map("silu", doc: "SiLU (swish) x * sigmoid(x) elementwise. Differentiable.") { $0.silu() },
        map("isFiniteMask", doc: "1 where the value is finite, 0 where it is nan or inf (same shape).") { $0.isFiniteMask() },
        op("gelu(approximate = \"none\")",
           doc: "GELU elementwise: the exact x * Φ(x) (approximate: \"none\", PyTorch's default) or GPT-2's tanh approximation (approximate: \"tanh\"). Same shape out; differentiable.") { t, a in
            let name = try a.string("approximate")
            guard let mode = GeluApproximation(rawValue: name) else {
                throw a.error("argument 'approximate' must be \"none\" or \"tanh\", got \"\(name)\"")
            }
            return t.gelu(approximate: mode)
        },
        op("swiglu(up)", doc: "silu(t) * up, fused (the SwiGLU gate of Llama's MLP); `up` has the same shape as t. Differentiable in both.") { t, a in
            try t.swiglu(try TensorValues.tensor(a, "up"))
        },
        op("clamped(min = nil, max = nil)", doc: "Values limited to [min, max] (either bound may be nil), like torch's clamp. Gradient 1 inside, 0 outside.") { t, a in
            t.clamped(min: try a.optionalNumber("min").map(Float.init), max: try a.optionalNumber("max").map(Float.init))
        },
        op("pow(exponent)", doc: "t ** exponent elementwise; the exponent is a number or a tensor broadcast with t. The same as the ** operator. Differentiable.") { t, a in
            if case .number(let e) = a["exponent"] { return t.pow(Float(e)) }
            return try t.pow(try TensorValues.tensor(a, "exponent"))
        },
        op("maximum(other)", doc: "The larger of t and other at each position, broadcast together (torch.maximum; nan propagates). Differentiable.") { t, a in
            try t.maximum(try TensorValues.tensor(a, "other"))
        },
        op("minimum(other)", doc: "The smaller of t and other at each position, broadcast together (torch.minimum). Differentiable.") { t, a in
            try t.minimum(try TensorValues.tensor(a, "other"))
        },
        op("matmul(other)",
           doc: "The matrix product, the same as t @ other, with torch.matmul's rules: [m, k] @ [k, n] -> [m, n]; a 1-D operand is a row on the left or a column on the right (the added axis is removed again); leading batch axes broadcast: [2, 1, 5, 4] @ [3, 4, 6] -> [2, 3, 5, 6]. Runs on cblas_sgemm (transposed views are passed as flags, not copied). Differentiable.") { t, a in
            try t.matmul(try TensorValues.tensor(a, "other"))
        },

        // MARK: Networks
        op("softmax(axis = -1)", doc: "exp(x - max) / sum(exp(x - max)) along `axis` (default the last); same shape out, each slice sums to 1. Differentiable.") { t, a in
            try t.softmax(axis: try a.int("axis"))
        },
        op("logSoftmax(axis = -1)", doc: "x - logsumexp(x) along `axis` (default the last), computed stably; same shape out. Differentiable.") { t, a in
            try t.logSoftmax(axis: try a.int("axis"))
        },
        op("layerNorm(weight = nil, bias = nil, eps = 1e-5)",
           doc: "Layer normalisation over the last axis, as F.layer_norm(x, x.shape[-1:], weight, bias, eps): (x - mean) / sqrt(var + eps) * weight + bias with the biased variance. x: [..., C]; weight, bias: [C] or nil. Differentiable in all three.") { t, a in
            try t.layerNorm(weight: try TensorValues.optionalTensor(a, "weight"), bias: try TensorValues.optionalTensor(a, "bias"),
                            eps: try TensorValues.float(a, "eps"))
        },
        op("rmsNorm(weight = nil, eps = 1e-6)",
           doc: "RMS normalisation over the last axis (Llama's RMSNorm): x / sqrt(mean(x²) + eps) * weight. x: [..., C]; weight: [C] or nil; eps defaults to Llama's 1e-6. Differentiable.") { t, a in
            try t.rmsNorm(weight: try TensorValues.optionalTensor(a, "weight"), eps: try TensorValues.float(a, "eps"))
        },
        op("crossEntropy(targets, ignoreIndex = -100, reduction = \"mean\")",
           doc: "Cross-entropy of logits t [..., C] (classes last) against class indices `targets` [...] (a tensor or nested list of whole numbers), as F.cross_entropy. Positions whose target is ignoreIndex are left out. reduction: \"mean\" (over the kept positions; 0 when none is kept), \"sum\", or \"none\" (a loss per position, shape [...]). Differentiable in the logits.") { t, a in
            let name = try a.string("reduction")
            guard let reduction = LossReduction(rawValue: name) else {
                throw a.error("argument 'reduction' must be \"mean\", \"sum\" or \"none\", got \"\(name)\"")
            }
            return try t.crossEntropy(targets: try TensorValues.tensor(a, "targets"), ignoreIndex: try a.int("ignoreIndex"), reduction: reduction)
        },
        op("dropout(p, seed = nil)",
           doc: "Inverted dropout (F.dropout in training mode): each element is zeroed with probability p and the rest are scaled by 1 / (1 - p); same shape out. The mask comes from a generator seeded with `seed`, or, without one, from the session's generator (see manualSeed). Differentiable.") { t, a in
            let p = try TensorValues.float(a, "p")
            if a.isGiven("seed") { return try t.dropout(p: p, seed: try TaskValues.seed(a)) }
            return try TensorSession.of(a.interpreter).draw { try t.dropout(p: p, using: &$0) }
        },
        op("embedding(ids)",
           doc: "Rows of this table [vocab, dim] for each id (F.embedding(ids, table)): ids of shape S (a tensor or nested list of whole numbers) give [S..., dim]. Out-of-range ids are an error naming the position. Differentiable in the table.") { t, a in
            try t.embedding(try TensorValues.tensor(a, "ids"))
        },
        op("gather(axis, index)",
           doc: "Values picked along `axis` by `index` (torch.gather): for axis 1, out[i][j] = t[i][index[i][j]]. index has t's rank, its other sizes at most t's; the result has index's shape. Differentiable in t.") { t, a in
            try t.gather(axis: try a.int("axis"), index: try TensorValues.tensor(a, "index"))
        },
        op("indexSelect(axis, indices)",
           doc: "The slices at `indices` (a list or 1-D tensor of whole numbers; negative from the end) along `axis` (torch.index_select): [4, 3].indexSelect(axis: 0, indices: [2, 0]) -> [2, 3]. Differentiable.") { t, a in
            let axis = try a.int("axis")
            if case .native(let o as TensorObject) = a["indices"] { return try t.indexSelect(axis: axis, indices: o.tensor) }
            return try t.indexSelect(axis: axis, indices: try TensorValues.ints(a, "indices"))
        },

        // MARK: Autograd
        Builtin("backward(gradient = nil, retainGraph = false)", owner: "Tensor",
                doc: "Runs reverse-mode autograd from this tensor and accumulates d(this)/d(p) into p.grad for every parameter p it was computed from (gradients add up until p.zeroGrad() or opt.zeroGrad()). A tensor of more than one element needs `gradient` (a tensor of its shape). The graph is freed afterwards unless retainGraph: true.") { a in
            let t = receiver(a)
            if !t.requiresGrad {
                throw a.error("this tensor (shape \(TensorValues.shapeText(t.shape))) does not require grad: none of the tensors it was computed from was made with grad: true, or it was computed inside noGrad")
            }
            try TensorValues.run(a) { try t.backward(gradient: try TensorValues.optionalTensor(a, "gradient"), retainGraph: try a.bool("retainGraph")) }
            return .null
        },
        Builtin("zeroGrad()", owner: "Tensor", doc: "Clears the accumulated gradient: t.grad is an error again until the next backward() (PyTorch's zero_grad(set_to_none=True)).") { a in
            receiver(a).zeroGrad()
            return .null
        },
        Builtin("retainGrad()", owner: "Tensor", doc: "Keeps the gradient of this computed (non-leaf) tensor during backward(), so t.grad can be read afterwards (torch's retain_grad()).") { a in
            receiver(a).retainGrad()
            return .null
        },
        op("detach()", doc: "The same values outside the autograd graph (torch's detach): requires no grad and shares storage, so a detached parameter sees later optimizer updates.") { t, _ in
            t.detached()
        },
        op("requiringGrad()", doc: "A parameter: a new leaf that requires grad, with the values copied into new storage (the tensor itself when it already is a parameter). t.requiresGrad = true does the same to t in place.") { t, _ in
            t.requiringGrad()
        },
    ]

    static let table: [String: Builtin] = Dictionary(uniqueKeysWithValues: list.map { ($0.shortName, $0) })
}
