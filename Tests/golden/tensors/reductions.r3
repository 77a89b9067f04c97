# sum, mean, max, min, argmax, argmin: over everything, one axis or several, with keepDim.
let t = tensor([[1, 5, 3], [4, 2, 6]])
print(t.sum(), t.sum().shape)  # expect: tensor(21) []
print(t.sum(axis: 0), t.sum(axis: 1), t.sum(axis: -1))  # expect: tensor([5, 7, 9]) tensor([ 9, 12]) tensor([ 9, 12])
print(t.sum(axis: 1, keepDim: true).shape, t.sum(keepDim: true).shape)  # expect: [2, 1] [1, 1]
print(t.sum(axis: [0, 1]), zeros([2, 3, 4]).sum(axis: [0, 2]).shape)  # expect: tensor(21) [3]
print(t.mean(), t.mean(axis: 0))  # expect: tensor(3.5) tensor([2.5, 3.5, 4.5])
print(t.max(), t.max(axis: 1), t.min(axis: 0, keepDim: true))
# expect: tensor(6) tensor([5, 6]) tensor([[1, 2, 3]])
print(t.argmax(), t.argmax(axis: 1), t.argmin(axis: 0))  # expect: tensor(5) tensor([1, 2]) tensor([0, 1, 0])
print(tensor([3, 7, 7]).argmax().item())  # expect: 1
print(zeros([0]).sum().item(), isnan(zeros([0]).mean().item()))  # expect: 0 true
print(t.max(keepDim: true).shape)  # expect: [1, 1]
try { t.max(axis: [0, 1]) } catch e { print(e) }  # expect: Tensor.max(): takes one axis, got 2 (sum and mean take several)
