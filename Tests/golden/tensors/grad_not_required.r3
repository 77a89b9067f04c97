# Reading .grad of a tensor that does not require one is an error; so is reading it too early.
let w = ones([3], grad: true)
try { w.grad } catch e { print(e) }  # expect: grad: no gradient yet for this tensor (shape [3]); call backward() on a result computed from it
let h = w * 2
h.sum().backward()
try { h.grad } catch e { print(e) }  # expect: grad: this tensor is not a leaf (it was computed by mul), so its gradient is not kept; call retainGrad() on it before backward()
print(w.grad)  # expect: tensor([2, 2, 2])
let x = ones([2])
print(x.grad)  # expect error: grad: this tensor (shape [2]) does not require grad; create it with grad: true (e.g. randn([2, 3], grad: true)) or use t.requiringGrad()
