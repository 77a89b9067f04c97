let xs = [1, 2)  # expect error: unbalanced ')'
