# The gradient of a small MLP with layerNorm, GELU, softmax and crossEntropy matches central finite
# differences computed in the script (each parameter entry nudged by ±h inside noGrad).
let x = randn([4, 3], seed: 1)
let w1 = randn([3, 5], seed: 2, std: 0.5, grad: true)
let b1 = zeros([5], grad: true)
let w2 = randn([5, 3], seed: 3, std: 0.5, grad: true)
let y = [0, 2, 1, 1]
fn loss() { ((x @ w1 + b1).layerNorm().gelu() @ w2).crossEntropy(y) }
loss().backward()
let h = 3e-3
var worst = 0
var largest = 0
for p in [w1, b1, w2] {
  let g = p.grad
  for i in 0..<p.shape[0] {
    for j in 0..<(p.rank == 2 ? p.shape[1] : 1) {
      let orig = p.rank == 2 ? p[i, j].item() : p[i].item()
      fn setTo(v) { noGrad(fn() { if p.rank == 2 { p[i, j] = v } else { p[i] = v } }) }
      setTo(orig + h)
      let up = noGrad(loss).item()
      setTo(orig - h)
      let down = noGrad(loss).item()
      setTo(orig)
      let numeric = (up - down) / (2 * h)
      let analytic = p.rank == 2 ? g[i, j].item() : g[i].item()
      worst = max(worst, abs(numeric - analytic))
      largest = max(largest, abs(analytic))
    }
  }
}
# The gradients are far from zero, and the differences agree to 1e-3 (Float32 losses).
print(largest > 0.1, worst < 1e-3)  # expect: true true
