# NumPy-style printing: one format per tensor, aligned columns.
print(tensor([1, 2, 3]))  # expect: tensor([1, 2, 3])
print(tensor([1.5, 2, -0.25]))  # expect: tensor([ 1.50,  2.00, -0.25])
print(tensor([1e-5, 1]))  # expect: tensor([1.0000e-05, 1.0000e+00])
print(tensor([[1, -2], [30, 4]]))
# expect: tensor([[ 1, -2],
# expect:         [30,  4]])
print(tensor(3))  # expect: tensor(3)
print(tensor([0 / 0, 1 / 0, 1]))  # expect: tensor([nan, inf,   1])
print(tensor([1, 2], grad: true))  # expect: tensor([1, 2], requiresGrad: true)
print(zeros([2, 0]))  # expect: tensor([], shape: [2, 0])
print(zeros([2, 1, 2]))
# expect: tensor([[[0, 0]],
# expect:
# expect:         [[0, 0]]])
print("\(tensor([1, 2]))")  # expect: tensor([1, 2])
print([tensor(1), tensor(2)])  # expect: [tensor(1), tensor(2)]
