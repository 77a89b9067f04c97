# concat, stack, indexSelect, gather and embedding.
let a = tensor([[1, 2], [3, 4]])
let b = tensor([[5, 6]])
print(concat([a, b]))
# expect: tensor([[1, 2],
# expect:         [3, 4],
# expect:         [5, 6]])
print(concat([a, a], axis: 1).shape, stack([a, a]).shape, stack([a, a], axis: -1).shape)  # expect: [2, 4] [2, 2, 2] [2, 2, 2]
print(stack([a, a * 10], axis: 1)[1])
# expect: tensor([[ 3,  4],
# expect:         [30, 40]])
let t = arange(12).reshaped([4, 3])
print(t.indexSelect(axis: 0, indices: [3, 0, -1]).list())  # expect: [[9, 10, 11], [0, 1, 2], [9, 10, 11]]
print(t.indexSelect(axis: 1, indices: tensor([2])).list())  # expect: [[2], [5], [8], [11]]
print(t.gather(axis: 1, index: [[0], [2], [1], [0]]).list())  # expect: [[0], [5], [7], [9]]
let table = tensor([[0, 0], [1, 1], [2, 2]])
print(table.embedding([[2, 0], [1, 1]]).shape, table.embedding([2, 0]).list())  # expect: [2, 2, 2] [[2, 2], [0, 0]]
try { concat([a, tensor([[1, 2, 3]])]) } catch e { print(e) }  # expect: concat(): tensor 1 has shape [1, 3] but tensor 0 has [2, 2]; only axis 0 may differ
try { stack([a, b]) } catch e { print(e) }  # expect: stack(): tensor 1 has shape [1, 2] but tensor 0 has [2, 2]; all must match
try { concat([]) } catch e { print(e) }  # expect: concat(): needs at least one tensor
try { t.indexSelect(axis: 0, indices: [4]) } catch e { print(e) }  # expect: Tensor.indexSelect(): index 4 at position 0 is out of range for an axis of size 4
table.embedding([0, 3])  # expect error: Tensor.embedding(): id 3 at position 1 is out of range for a table of 3 rows
