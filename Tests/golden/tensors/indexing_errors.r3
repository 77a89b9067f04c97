# Bad subscripts name the index, the axis and the shape.
let t = zeros([3, 4])
try { t[3] } catch e { print(e) }  # expect: tensor subscript: index 3 out of range for axis 0 of size 3 (shape [3, 4])
try { t[0, -5] } catch e { print(e) }  # expect: tensor subscript: index -5 out of range for axis 1 of size 4 (shape [3, 4])
try { t[0, 0, 0] } catch e { print(e) }  # expect: tensor subscript: too many indices (3) for a tensor of rank 2 (shape [3, 4])
try { t[0.5] } catch e { print(e) }  # expect: tensor index 0 must be a whole number, got 0.5
try { t[[0, 1]] } catch e { print(e) }  # expect: tensor index 0 is a list; an index is a whole number, a range (0..<2, 1..., ..<3) or nil (a new axis); to pick several positions use t.indexSelect(axis:, indices:)
let x = t[1, 4]  # expect error: tensor subscript: index 4 out of range for axis 1 of size 4 (shape [3, 4])
