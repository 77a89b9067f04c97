# NumPy broadcasting: trailing axes align; size-1 and missing axes stretch.
let a = tensor([[1, 2, 3], [4, 5, 6]])
print(a + tensor([10, 20, 30]))
# expect: tensor([[11, 22, 33],
# expect:         [14, 25, 36]])
print(a * tensor([[2], [3]]))
# expect: tensor([[ 2,  4,  6],
# expect:         [12, 15, 18]])
print((tensor([[1], [2]]) + tensor([10, 20, 30])).shape)  # expect: [2, 3]
print((zeros([4, 1, 3]) + zeros([2, 1])).shape)  # expect: [4, 2, 3]
print(a + [100, 200, 300])
# expect: tensor([[101, 202, 303],
# expect:         [104, 205, 306]])
print([1, 1, 1] - a)
# expect: tensor([[ 0, -1, -2],
# expect:         [-3, -4, -5]])
print(tensor([10, 20, 30]) + (0..<3), (1...3) * tensor(2))  # expect: tensor([10, 21, 32]) tensor([2, 4, 6])
