# Elementwise functions against the scalar maths of the language (Float32 accuracy).
let xs = [-2, -0.5, 0, 0.7, 3]
let t = tensor(xs)
fn close(got, want, tol = 1e-6) { got.list().enumerated().allSatisfy(fn(p) { abs(p[1] - want[p[0]]) <= tol * max(1, abs(want[p[0]])) }) }
print(close(t.exp(), xs.map(fn(x) { exp(x) })))  # expect: true
print(close(t.tanh(), xs.map(fn(x) { (exp(2 * x) - 1) / (exp(2 * x) + 1) })))  # expect: true
print(close(t.sigmoid(), xs.map(fn(x) { 1 / (1 + exp(-x)) })))  # expect: true
print(close(t.relu(), xs.map(fn(x) { max(x, 0) })))  # expect: true
print(close(t.silu(), xs.map(fn(x) { x / (1 + exp(-x)) })))  # expect: true
print(close(t.abs(), xs.map(fn(x) { abs(x) })))  # expect: true
let pos = tensor([0.25, 1, 4])
print(pos.sqrt(), pos.log().list()[2] - log(4) < 1e-6)  # expect: tensor([0.5, 1.0, 2.0]) true
# GELU: the exact form x·Φ(x) and the tanh approximation (values from the definitions).
let g = tensor([-1, 0, 1, 2]).gelu().list()
print(format("%.5f %.5f %.5f %.5f", g[0], g[1], g[2], g[3]))  # expect: -0.15866 0.00000 0.84134 1.95450
let gt = tensor([1]).gelu(approximate: "tanh").item()
print(format("%.5f", gt))  # expect: 0.84119
print(tensor([1, 0 / 0, 1 / 0]).isFiniteMask())  # expect: tensor([1, 0, 0])
tensor([1]).gelu(approximate: "fast")  # expect error: Tensor.gelu(): argument 'approximate' must be "none" or "tanh", got "fast"
