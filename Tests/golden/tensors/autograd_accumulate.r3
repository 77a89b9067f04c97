# Gradients accumulate over backward calls until zeroGrad; detach and noGrad stop the graph.
let w = tensor([1, 2], grad: true)
(w * 3).sum().backward()
(w * 3).sum().backward()
print(w.grad)  # expect: tensor([6, 6])
w.zeroGrad()
(w * w).sum().backward()
print(w.grad)  # expect: tensor([2, 4])
w.grad = nil
(w.detach() * w).sum().backward()  # only the second factor carries a gradient
print(w.grad)  # expect: tensor([1, 2])
let z = noGrad(fn() { w * 2 })
print(z.requiresGrad, (w * 2).requiresGrad, w.detach().requiresGrad)  # expect: false true false
# A computed tensor keeps its gradient only with retainGrad().
let h = w * 2
h.retainGrad()
w.zeroGrad()
(h * h).sum().backward()
print(h.grad, w.grad)  # expect: tensor([4, 8]) tensor([ 8, 16])
# The graph is freed after backward unless retainGraph: true.
let l = (w * w).sum()
l.backward(retainGraph: true)
l.backward()
try { l.backward() } catch e { print(e) }  # expect: Tensor.backward(): the graph through sum was already freed by an earlier backward(); pass retainGraph: true to the first backward() to run it twice
# A non-scalar output needs the gradient to start from.
w.zeroGrad()
(w * 5).backward(gradient: [1, 0])
print(w.grad)  # expect: tensor([5, 0])
