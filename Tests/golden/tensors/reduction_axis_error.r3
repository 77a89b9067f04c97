# An axis out of range names the method, the axis and the rank.
let t = ones([2, 3])
try { t.mean(axis: -3) } catch e { print(e) }  # expect: Tensor.mean(): axis -3 out of range for rank 2
try { t.softmax(axis: 2) } catch e { print(e) }  # expect: Tensor.softmax(): axis 2 out of range for rank 2
try { t.sum(axis: [1, 1]) } catch e { print(e) }  # expect: Tensor.sum(): axis 1 given twice in [1, 1]
print(t.sum(axis: 1))  # expect: tensor([3, 3])
t.sum(axis: 3)  # expect error: Tensor.sum(): axis 3 out of range for rank 2
