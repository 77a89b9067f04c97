let xs = [1, 2, 3]
print(xs[3])  # expect error: index 3 is out of range for a list of 3 items
