# Reshaping to a different number of elements is an error naming both shapes and counts.
let t = ones([2, 3])
try { t.reshaped([-1, -1]) } catch e { print(e) }  # expect: Tensor.reshaped(): only one dimension can be -1, got [-1, -1]
try { t.reshaped([4, -1]) } catch e { print(e) }  # expect: Tensor.reshaped(): cannot reshape [2, 3] (6 elements) to [4, -1]
let u = t.reshaped([4])  # expect error: Tensor.reshaped(): cannot reshape [2, 3] (6 elements) to [4] (4 elements)
