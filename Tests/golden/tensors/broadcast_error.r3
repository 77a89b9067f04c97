# Shapes that cannot broadcast: the error names the op and both shapes, on the line of the operator.
let a = ones([2, 3])
try { a * ones([2]) } catch e { print(e) }  # expect: mul: cannot broadcast [2, 3] with [2]
try { where(ones([3]), a, ones([4])) } catch e { print(e) }  # expect: where(): cannot broadcast [2, 3] with [4]
let b = a + ones([4])  # expect error: add: cannot broadcast [2, 3] with [4]
