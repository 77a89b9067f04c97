# backward() on a tensor of more than one element needs gradient:, or a reduction first.
let w = randn([2, 3], seed: 1, grad: true)
let y = w * 2
y.sum().backward()
try { zeros([2]).sum().backward() } catch e { print(e) }  # expect: Tensor.backward(): this tensor (shape []) does not require grad: none of the tensors it was computed from was made with grad: true, or it was computed inside noGrad
try { y.backward(gradient: ones([3])) } catch e { print(e) }  # expect: Tensor.backward(): gradient shape [3] does not match tensor shape [2, 3]
y.backward()  # expect error: Tensor.backward(): a gradient can only be implied for a one-element output, but this tensor has shape [2, 3]; pass gradient: (or reduce it first, e.g. sum())
