# clipGradNorm scales all gradients by maxNorm / norm when the global norm is larger.
let a = tensor([1, 1], grad: true)
let b = tensor([1], grad: true)
(a * [3, 4]).sum().backward()
(b * 12).sum().backward()
# global norm sqrt(3² + 4² + 12²) = 13
print(clipGradNorm([a, b], maxNorm: 6.5))  # expect: 13
print(a.grad.list().map(fn(v) { format("%.5f", v) }), format("%.5f", b.grad.item()))  # expect: ["1.50000", "2.00000"] 6.00000
# Below the limit nothing changes.
let before = b.grad.item()
print(format("%.4f", clipGradNorm([a, b], maxNorm: 100)), b.grad.item() == before)  # expect: 6.5000 true
clipGradNorm([a], maxNorm: 0)  # expect error: clipGradNorm(): maxNorm must be > 0, got 0.0
