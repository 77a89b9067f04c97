# zeros, ones, full, arange, linspace and eye, as in PyTorch.
print(zeros([2, 3]))
# expect: tensor([[0, 0, 0],
# expect:         [0, 0, 0]])
print(ones(3))  # expect: tensor([1, 1, 1])
print(full([2], 7.5))  # expect: tensor([7.5, 7.5])
print(arange(5))  # expect: tensor([0, 1, 2, 3, 4])
print(arange(1, 2, step: 0.25))  # expect: tensor([1.00, 1.25, 1.50, 1.75])
print(arange(5, 0, step: -2))  # expect: tensor([5, 3, 1])
print(linspace(0, 1, 5))  # expect: tensor([0.00, 0.25, 0.50, 0.75, 1.00])
print(eye(2, 3))
# expect: tensor([[1, 0, 0],
# expect:         [0, 1, 0]])
print(zeros([0, 3]).shape)  # expect: [0, 3]
let w = zeros([2, 2], grad: true)
print(w.requiresGrad, w.isLeaf)  # expect: true true
