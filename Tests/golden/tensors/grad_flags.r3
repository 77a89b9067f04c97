# grad: true, requiresGrad (readable, settable on leaves), isLeaf, requiringGrad and detach.
let a = randn([2, 3], seed: 1, grad: true)
print(a.requiresGrad, a.isLeaf)  # expect: true true
let b = a * 2
print(b.requiresGrad, b.isLeaf)  # expect: true false
let c = ones([2])
print(c.requiresGrad)  # expect: false
c.requiresGrad = true
(c * 3).sum().backward()
print(c.grad)  # expect: tensor([3, 3])
c.requiresGrad = false
print(c.requiresGrad, c.isLeaf)  # expect: false true
let p = c.requiringGrad()
print(p.requiresGrad, c.requiresGrad)  # expect: true false
print(a.detach().requiresGrad, equal(a.detach(), a))  # expect: false true
try { b.requiresGrad = false } catch e { print(e) }  # expect: requiresGrad can only be changed on a leaf; this tensor was computed by an op: use t.detach()
try { a.shape = [6] } catch e { print(e) }  # expect: cannot set 'shape' on a Tensor: it is read-only (only grad and requiresGrad can be set)
a.requiresGrad = 1  # expect error: requiresGrad must be true or false, got number
