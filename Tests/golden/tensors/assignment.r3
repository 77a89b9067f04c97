# Item assignment writes into the tensor (numbers, lists or tensors, broadcast to the selection).
let t = zeros([2, 3])
t[0, 1] = 5
t[1] = [7, 8, 9]
print(t)
# expect: tensor([[0, 5, 0],
# expect:         [7, 8, 9]])
t[0..., 2] = tensor([-1, -2])
t[0, 0..<2] = 1
print(t.list())  # expect: [[1, 1, -1], [7, 8, -2]]
t[-1, -1] += 10
print(t[1, 2].item())  # expect: 8
# Every name bound to the tensor sees the write, as with lists.
let alias = t
alias[0, 0] = 100
print(t[0, 0].item())  # expect: 100
# Views (indexing, reshaped, T) and copies are separate values: writing to them leaves t alone.
let row = t[0]
row[0] = -5
let c = t.copy()
c[1, 1] = -6
print(t[0, 0].item(), t[1, 1].item(), row[0].item(), c[1, 1].item())  # expect: 100 8 -5 -6
try { t[0] = [1, 2] } catch e { print(e) }  # expect: item assignment: cannot broadcast value of shape [2] to the indexed shape [3]
var w = zeros([3, 4])
w[2, 1..<3] = tensor([[4, 4]])
print(w[2].list())  # expect: [0, 4, 4, 0]
try { w[2, 1..<3] = tensor([[4, 4], [5, 5]]) } catch e { print(e) }  # expect: item assignment: cannot broadcast value of shape [2, 2] to the indexed shape [2]
try { t[0] = "x" } catch e { print(e) }  # expect: cannot assign a string into a tensor: assign a number, a list of numbers or a tensor
let y = ones([2], grad: true) * 2
y[0] = 1  # expect error: item assignment: cannot modify a tensor computed by mul in place; detach() it first
