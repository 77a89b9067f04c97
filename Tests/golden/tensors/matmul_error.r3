# Shapes that do not align: the error names matmul and both shapes.
try { ones([2, 3]).matmul(ones([2, 3])) } catch e { print(e) }  # expect: Tensor.matmul(): shapes [2, 3] and [2, 3] do not align (3 != 2)
try { ones([2, 2, 3]) @ ones([3, 3, 1]) } catch e { print(e) }  # expect: matmul: cannot broadcast the batch dimensions [2] and [3] (shapes [2, 2, 3] and [3, 3, 1])
try { tensor(2) @ ones([2]) } catch e { print(e) }  # expect: matmul: both operands need at least 1 dimension, got shapes [] and [2]
let p = ones([2, 3]) @ ones([4, 5])  # expect error: matmul: shapes [2, 3] and [4, 5] do not align (3 != 4)
