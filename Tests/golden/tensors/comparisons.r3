# Comparisons are elementwise and give masks of 0 and 1; == and != too (as in NumPy and PyTorch).
let t = tensor([1, 2, 3])
print(t < 2, t <= 2, t > 2, t >= 2)  # expect: tensor([1, 0, 0]) tensor([1, 1, 0]) tensor([0, 0, 1]) tensor([0, 1, 1])
print(2 < t, 2 >= t)  # expect: tensor([0, 0, 1]) tensor([1, 1, 0])
print(t == 2, t != 2)  # expect: tensor([0, 1, 0]) tensor([1, 0, 1])
print(t == tensor([1, 0, 3]), t == [[1], [2]])
# expect: tensor([1, 0, 1]) tensor([[1, 0, 0],
# expect:         [0, 1, 0]])
print((t > 1).sum().item())  # expect: 2
# equal(a, b) gives one bool: same shape, same values.
print(equal(t, [1, 2, 3]), equal(t, [1, 2]), equal(t, tensor([[1, 2, 3]])))  # expect: true false false
print(equal(tensor(0 / 0), tensor(0 / 0)))  # expect: false
# Inside lists, == and contains compare whole tensors.
print([t] == [tensor([1, 2, 3])], [t] == [tensor([1, 2, 4])])  # expect: true false
print([tensor(1), t].contains(tensor([1, 2, 3])))  # expect: true
print(t == nil, t != nil, t == "t")  # expect: false true false
# where picks from a or b by a condition, broadcasting all three.
let x = tensor([-1, 0.5, 2])
print(where(x > 0, x, 0))  # expect: tensor([0.0, 0.5, 2.0])
print(where([1, 0, 1], 10, tensor([[1, 2, 3]])))  # expect: tensor([[10,  2, 10]])
if t == t { print("never") }  # expect error: the if condition must be true or false, got Tensor
