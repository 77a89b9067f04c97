for (i, v) in ["a", "b"].enumerated() { print(i, v) }
# expect: 0 a
# expect: 1 b
print(zip([1, 2, 3], ["x", "y"]))  # expect: [[1, "x"], [2, "y"]]
