# The optimizer updates the parameters in place: every variable, list and copy holding them sees it.
let w = ones([2, 2], grad: true)
let b = zeros([2], grad: true)
let params = ["w": w, "b": b]
let opt = sgd(params, lr: 0.5)
let sameW = w
let view = w.detach()
((ones([3, 2]) @ w + b).sum()).backward()
opt.step()
print(w.list(), b.list())  # expect: [[-0.5, -0.5], [-0.5, -0.5]] [-1.5, -1.5]
print(sameW.list() == w.list(), params["w"].list() == w.list(), view.list() == w.list())  # expect: true true true
print(opt.parameters[0].list() == w.list(), opt.names)  # expect: true ["w", "b"]
try { sgd([ones([2])], lr: 0.1) } catch e { print(e) }  # expect: sgd(): parameter 'params[0]' (shape [2]) does not require grad; create it with grad: true (e.g. randn([2, 3], grad: true)) or use t.requiringGrad()
try { sgd([w * 2], lr: 0.1) } catch e { print(e) }  # expect: sgd(): parameter 'params[0]' (shape [2, 2]) was computed by an op, so it is not a leaf; parameters are leaves: use t.detach().requiringGrad()
try { sgd([], lr: 0.1) } catch e { print(e) }  # expect: sgd(): argument 'params' is empty: give the tensors to optimise
sgd([w, 3], lr: 0.1)  # expect error: sgd(): parameter 'params[1]' is a number; parameters are tensors made with grad: true
