/// Whether ops record the autograd graph (on by default; off inside `withNoGrad { }`).
///
/// Task-local, so a no-grad scope on one thread or task does not affect another.
public enum GradMode {
    @TaskLocal public static var isEnabled: Bool = true
}

/// Runs `body` without recording the autograd graph (`torch.no_grad()`): results do not require
/// grad, and parameters may be written in place.
public func withNoGrad<T>(_ body: () throws -> T) rethrows -> T {
    try GradMode.$isEnabled.withValue(false) { try body() }
}

/// One vertex of the autograd graph: a leaf (a parameter identity that accumulates `.grad`) or the
/// result of an op (its backward rule with the saved tensors, and the nodes of its inputs).
final class GradNode: @unchecked Sendable {
    /// The op that produced the tensor; nil for leaves and after the graph is freed.
    var op: Op?
    /// The name of the op for messages (`"leaf"` for leaves).
    let opName: String
    /// The nodes of the op's inputs, aligned with the gradients its rule returns (nil: no grad needed).
    var inputs: [GradNode?]
    /// The shape of the tensor (gradients must match it).
    let shape: [Int]
    /// The accumulated gradient of a leaf (or of a non-leaf that retains its gradient).
    var grad: Tensor?
    /// Keep the gradient of this non-leaf during backward.
    var retainsGrad = false
    let isLeaf: Bool

    init(leafShape shape: [Int]) {
        self.shape = shape
        opName = "leaf"
        inputs = []
        isLeaf = true
    }

    init(op: Op, inputs: [GradNode?], shape: [Int]) {
        self.op = op
        opName = op.name
        self.inputs = inputs
        self.shape = shape
        isLeaf = false
    }
}

/// Records ops on the graph and runs the backward pass.
enum Autograd {
    /// Attaches a node for `op` to `out` when grad mode is on and an input requires grad.
    /// `op` is only built when it is needed; tensors it saves must be `detached` (no node), so the
    /// graph holds no cycles.
    @inline(__always)
    static func record(_ out: Tensor, _ op: @autoclosure () -> Op, inputs: [Tensor]) -> Tensor {
        guard inputs.contains(where: { $0.node != nil }), GradMode.isEnabled else { return out }
        var o = out
        o.node = GradNode(op: op(), inputs: inputs.map(\.node), shape: out.shape)
        return o
    }

    /// Nodes reachable from `root`, each after all nodes that consume it (reverse topological order).
    static func order(from root: GradNode) -> [GradNode] {
        var post: [GradNode] = []
        var seen = Set<ObjectIdentifier>()
        var stack: [(GradNode, Bool)] = [(root, false)]
        while let (node, expanded) = stack.popLast() {
            if expanded { post.append(node); continue }
            if !seen.insert(ObjectIdentifier(node)).inserted { continue }
            stack.append((node, true))
            for case let child? in node.inputs where !seen.contains(ObjectIdentifier(child)) {
                stack.append((child, false))
            }
        }
        return post.reversed()
    }

    static func backward(root: GradNode, seed: Tensor, retainGraph: Bool) throws {
        var grads: [ObjectIdentifier: Tensor] = [ObjectIdentifier(root): seed]
        try withNoGrad {
            for node in order(from: root) {
                let id = ObjectIdentifier(node)
                guard let g = grads.removeValue(forKey: id) else { continue }
                if node.isLeaf || node.retainsGrad {
                    node.grad = try node.grad.map { try $0 + g } ?? g.contiguousData()
                }
                if node.isLeaf { continue }
                guard let op = node.op else {
                    throw TensorError("backward", "the graph through \(node.opName) was already freed by an earlier backward(); "
                        + "pass retainGraph: true to the first backward() to run it twice")
                }
                let inputGrads = try op.backward(g, needs: node.inputs.map { $0 != nil })
                for (i, child) in node.inputs.enumerated() {
                    guard let child, i < inputGrads.count, let gi = inputGrads[i] else { continue }
                    if gi.shape != child.shape {
                        throw TensorError("backward", "internal error: the \(op.name) rule gave a gradient of shape \(fmt(gi.shape)) "
                            + "for an input of shape \(fmt(child.shape))")
                    }
                    let cid = ObjectIdentifier(child)
                    grads[cid] = try grads[cid].map { try $0 + gi } ?? gi
                }
                if !retainGraph { node.op = nil }
            }
        }
    }
}

extension Tensor {
    /// Whether gradients flow to this tensor: a parameter, or computed from one with grad mode on.
    public var requiresGrad: Bool { node != nil }

    /// Whether this tensor is a leaf of the graph (a parameter, or any tensor that does not require grad).
    public var isLeaf: Bool { node?.isLeaf ?? true }

    /// The same values, outside the graph (`torch.detach`): shares storage, requires no grad.
    public func detached() -> Tensor {
        Tensor(storage: storage, shape: shape, strides: strides, offset: offset)
    }

    /// A parameter: a new leaf identity that requires grad (or, with `false`, a detached tensor).
    /// The data is copied into fresh contiguous storage, so optimizer updates of the parameter never
    /// reach the tensor it was made from. Already a parameter: returned as is.
    public func requiringGrad(_ flag: Bool = true) -> Tensor {
        if !flag { return detached() }
        if let node, node.isLeaf { return self }
        var t = copied()
        t.node = GradNode(leafShape: shape)
        return t
    }

    /// The gradient accumulated by `backward()` (`torch.Tensor.grad`).
    ///
    /// Throws when the tensor does not require grad, when it is not a leaf (and did not call
    /// `retainGrad()`), or when no backward pass has reached it yet.
    public var grad: Tensor {
        get throws {
            guard let node else {
                throw TensorError("grad", "this tensor (shape \(fmt(shape))) does not require grad; "
                    + "create it with requiresGrad: true or call requiringGrad()")
            }
            if let g = node.grad { return g }
            if !node.isLeaf && !node.retainsGrad {
                throw TensorError("grad", "this tensor is not a leaf (it was computed by \(node.opName)), so its gradient is not kept; "
                    + "call retainGrad() on it before backward()")
            }
            throw TensorError("grad", "no gradient yet for this tensor (shape \(fmt(shape))); call backward() on a result computed from it")
        }
    }

    /// The gradient if one has been accumulated (nil otherwise, or when grad is not required).
    public var gradIfPresent: Tensor? { node?.grad }

    /// Replaces the accumulated gradient (for optimizers, clipping and checkpoints); nil clears it.
    /// Throws when the tensor does not require grad or the shape differs.
    public func setGrad(_ g: Tensor?) throws {
        guard let node else { throw TensorError("setGrad", "this tensor does not require grad") }
        if let g, g.shape != shape {
            throw TensorError("setGrad", "gradient shape \(fmt(g.shape)) does not match tensor shape \(fmt(shape))")
        }
        node.grad = g?.contiguousData()
    }

    /// Clears the accumulated gradient (`zero_grad(set_to_none=True)`).
    public func zeroGrad() { node?.grad = nil }

    /// Keeps this non-leaf's gradient during `backward()` (`torch.Tensor.retain_grad`).
    public func retainGrad() { node?.retainsGrad = true }

    /// Runs reverse-mode autograd from this tensor, accumulating into the `.grad` of every parameter
    /// it depends on.
    ///
    /// - Parameters:
    ///   - gradient: d(objective)/d(self), same shape; may be omitted only for one-element tensors (then 1).
    ///   - retainGraph: keep the saved tensors so backward can run again through this graph.
    public func backward(gradient: Tensor? = nil, retainGraph: Bool = false) throws {
        guard let node else {
            throw TensorError("backward", "this tensor does not require grad (no input of its computation has requiresGrad: true, "
                + "or it was computed inside withNoGrad)")
        }
        let seed: Tensor
        if let gradient {
            if gradient.shape != shape {
                throw TensorError("backward", "gradient shape \(fmt(gradient.shape)) does not match tensor shape \(fmt(shape))")
            }
            seed = gradient.detached()
        } else {
            if count != 1 {
                throw TensorError("backward", "a gradient can only be implied for a one-element output, but this tensor has shape \(fmt(shape)); "
                    + "pass gradient: (or reduce it first, e.g. sum())")
            }
            seed = try Tensor.ones(shape)
        }
        try Autograd.backward(root: node, seed: seed, retainGraph: retainGraph)
    }
}
