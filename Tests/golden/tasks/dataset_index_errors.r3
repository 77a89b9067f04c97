# Indexing a dataset out of range is an error naming the index and the size.
let ds = countdown.generate(count: 3, seed: 1)
try { ds[3] } catch e { print(e) }  # expect: index 3 is out of range for a Dataset of 3 items
try { ds[-4] } catch e { print(e) }  # expect: index -4 is out of range for a Dataset of 3 items
try { ds[1.5] } catch e { print(e) }  # expect: a Dataset index must be a whole number, got 1.5
try { ds["a"] } catch e { print(e) }  # expect: a Dataset index must be a number or a range, got string
ds[0..<9]  # expect error: range 0..<9 is out of bounds for a Dataset of 3 items
