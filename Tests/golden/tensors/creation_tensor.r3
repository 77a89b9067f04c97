# tensor() builds a tensor from nested lists; shape, rank and count describe it.
let t = tensor([[1, 2, 3], [4, 5, 6]])
print(t.shape, t.rank, t.count)  # expect: [2, 3] 2 6
print(type(t))  # expect: Tensor
print(t)
# expect: tensor([[1, 2, 3],
# expect:         [4, 5, 6]])
let s = tensor(2.5)
print(s.shape, s.rank, s.count, s.item())  # expect: [] 0 1 2.5
print(tensor([true, false]))  # expect: tensor([1, 0])
print(tensor(0..<4))  # expect: tensor([0, 1, 2, 3])
let rows = [tensor([1, 2]), tensor([3, 4])]
print(tensor(rows).shape)  # expect: [2, 2]
print(tensor([]).shape)  # expect: [0]
print(tensor([[1, 2], [3, 4]], grad: true).requiresGrad)  # expect: true
