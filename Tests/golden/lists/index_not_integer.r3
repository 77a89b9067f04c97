let xs = [1, 2, 3]
print(xs[1.5])  # expect error: a list index must be a whole number, got 1.5
