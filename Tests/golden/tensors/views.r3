# Shape changes: reshaped (with -1), flattened, permuted, transposed, T, mT, squeezed, unsqueezed, expanded.
let t = arange(6).reshaped([2, 3])
print(t)
# expect: tensor([[0, 1, 2],
# expect:         [3, 4, 5]])
print(t.reshaped([3, -1]).shape, t.reshaped(6).shape, t.flattened().shape)  # expect: [3, 2] [6] [6]
print(t.T)
# expect: tensor([[0, 3],
# expect:         [1, 4],
# expect:         [2, 5]])
print(t.T.isContiguous, t.T.contiguous().isContiguous, t.isContiguous)  # expect: false true true
print(t.transposed(0, 1).list() == t.T.list())  # expect: true
let x = zeros([2, 3, 4])
print(x.permuted([2, 0, 1]).shape, x.transposed(0, -1).shape, x.T.shape, x.mT.shape)  # expect: [4, 2, 3] [4, 3, 2] [4, 3, 2] [2, 4, 3]
print(zeros([1, 3, 1]).squeezed().shape, zeros([1, 3, 1]).squeezed(axis: 0).shape)  # expect: [3] [3, 1]
print(zeros([3]).unsqueezed(0).shape, zeros([3]).unsqueezed(-1).shape)  # expect: [1, 3] [3, 1]
print(tensor([[1], [2]]).expanded([2, 3]))
# expect: tensor([[1, 1, 1],
# expect:         [2, 2, 2]])
print(arange(8).sliced(axis: 0, start: 1, end: 7, step: 2))  # expect: tensor([1, 3, 5])
print(t.T.reshaped([6]))  # expect: tensor([0, 3, 1, 4, 2, 5])
try { x.permuted([0, 0, 1]) } catch e { print(e) }  # expect: Tensor.permuted(): axes [0, 0, 1] are not a permutation of the 3 axes of [2, 3, 4]
try { x.squeezed(axis: 1) } catch e { print(e) }  # expect: Tensor.squeezed(): axis 1 has size 3, not 1, in [2, 3, 4]
try { tensor([1, 2]).mT } catch e { print(e) }  # expect: mT: needs at least 2 dimensions, got shape [2]
