# noGrad(body) runs body without recording the graph and returns its result.
let w = tensor([1, 2], grad: true)
let r = noGrad(fn() { (w * 2).sum() })
print(r, r.requiresGrad)  # expect: tensor(6) false
# A manual SGD step on a parameter, written in place inside noGrad.
(w * w).sum().backward()
noGrad(fn() { w[0...] = w - w.grad * 0.25 })
print(w.list(), w.requiresGrad)  # expect: [0.5, 1] true
# Grad mode comes back after noGrad, also when its body raises an error.
try { noGrad(fn() { error("inside") }) } catch e { print(e) }  # expect: inside
print((w * 2).requiresGrad)  # expect: true
noGrad(42)  # expect error: noGrad(): argument 'body' must be a function, got number
