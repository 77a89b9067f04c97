# Basic indexing: whole numbers drop an axis (negative from the end), ranges keep it, nil adds one.
let t = arange(12).reshaped([3, 4])
print(t[0])  # expect: tensor([0, 1, 2, 3])
print(t[1, 0..<2], t[-1, -1], t[-1, -1].shape)  # expect: tensor([4, 5]) tensor(11) []
print(t[0..., 1])  # expect: tensor([1, 5, 9])
print(t[1...2, 2...])
# expect: tensor([[ 6,  7],
# expect:         [10, 11]])
print(t[..<1, ...1])  # expect: tensor([[0, 1]])
print(t[-2..., -1])  # expect: tensor([ 7, 11])
print(t[0, 2..<100], t[0, 5..<9].shape)  # expect: tensor([2, 3]) [0]
print(t[nil].shape, t[0..., nil].shape, t[1, nil, 0..<2].shape)  # expect: [1, 3, 4] [3, 1, 4] [1, 2]
print(t[1][2], t[1, 2].item())  # expect: tensor(6) 6
print(t[t[0..., 0].argmax()], t[0, tensor(-1)].item())  # expect: tensor([ 8,  9, 10, 11]) 3
