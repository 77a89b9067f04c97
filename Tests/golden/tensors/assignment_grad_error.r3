# A tensor that requires grad cannot be written, except inside noGrad (like torch.no_grad()).
let w = zeros([2, 2], grad: true)
noGrad(fn() { w[0, 0] = 3 })
print(w.list())  # expect: [[3, 0], [0, 0]]
let d = w.detach()
d[1, 1] = 4
print(d[1, 1].item(), w[1, 1].item())  # expect: 4 0
w[0, 1] = 1  # expect error: cannot assign into a tensor that requires grad (shape [2, 2]) outside noGrad: write parameters inside noGrad(fn() { ... }), like torch.no_grad()
