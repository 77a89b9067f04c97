# Empty tensors and extreme values behave as in PyTorch: no crash, no silent wrong answer.
print(zeros([0, 100000]).sum(axis: 0).shape, zeros([0, 3]).sum(axis: 0).list())  # expect: [100000] [0, 0, 0]
print(zeros([2, 0, 5]).sum(axis: 1).shape)  # expect: [2, 5]
print(zeros([3e9, 0, 3e9]))  # expect: tensor([], shape: [3000000000, 0, 3000000000])
try { zeros([0, 3]).max() } catch e { print(e) }  # expect: Tensor.max(): the tensor is empty (shape [0, 3]): it has no maximum
try { zeros([0]).min() } catch e { print(e) }  # expect: Tensor.min(): the tensor is empty (shape [0]): it has no minimum
print(tensor([0 / 0, -1, 2]).relu().list())  # expect: [nan, 0, 2]
print(tensor([88.5, 88.7, 88.8]).exp().list().map(fn(v) { format("%.4g", v) }))  # expect: ["2.723e+38", "3.326e+38", "inf"]
