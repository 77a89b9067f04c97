# for-in visits the sub-tensors along the first axis.
let t = tensor([[1, 2], [3, 4], [5, 6]])
for row in t { print(row, row.shape) }
# expect: tensor([1, 2]) [2]
# expect: tensor([3, 4]) [2]
# expect: tensor([5, 6]) [2]
var total = 0
for v in tensor([1, 2, 3]) { total += v.item() }
print(total)  # expect: 6
print(tensor([[1, 2], [3, 4]]).list().map(fn(r) { r.count }))  # expect: [2, 2]
for v in tensor(1) { print(v) }  # expect error: cannot iterate over a rank-0 tensor; use t.item() for its value
