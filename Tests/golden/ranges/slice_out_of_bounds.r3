let xs = [1, 2, 3]
print(xs[1..<9])  # expect error: range 1..<9 is out of bounds for a list of 3 items
