# Gradients of small expressions against derivatives worked out by hand.
let x = tensor([1, 2, 3], grad: true)
let y = (x * x * 2 + x).sum()  # dy/dx = 4x + 1
y.backward()
print(x.grad)  # expect: tensor([ 5,  9, 13])
# Matrix product: L = sum(a @ w), dL/dw = a.T @ ones, dL/da = ones @ w.T
let a = tensor([[1, 2], [3, 4]], grad: true)
let w = tensor([[1, -1, 0], [2, 0, 1]], grad: true)
(a @ w).sum().backward()
print(w.grad.list(), a.grad.list())  # expect: [[4, 4, 4], [6, 6, 6]] [[0, 3], [0, 3]]
# Broadcasting sums the gradient over the stretched axes.
let b = tensor([10, 20, 30], grad: true)
(ones([4, 3]) * b).sum().backward()
print(b.grad)  # expect: tensor([4, 4, 4])
# exp, log, tanh: d/dx exp = exp, d/dx log = 1/x, d/dx tanh = 1 - tanh²
let v = tensor([0.5, 2], grad: true)
(v.exp() + v.log() + v.tanh()).sum().backward()
let g = v.grad.list()
let want = [0.5, 2].map(fn(t) { exp(t) + 1 / t + 1 - ((exp(2 * t) - 1) / (exp(2 * t) + 1)) ** 2 })
print(abs(g[0] - want[0]) < 1e-5, abs(g[1] - want[1]) < 1e-5)  # expect: true true
# Mean divides the gradient by the count; indexing routes it to the picked elements.
let m = zeros([2, 2], grad: true)
(m.mean() + m[0, 1] * 3).backward()
print(m.grad.list())  # expect: [[0.25, 3.25], [0.25, 0.25]]
