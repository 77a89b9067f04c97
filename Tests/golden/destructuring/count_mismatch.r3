let [a, b] = [1, 2, 3]  # expect error: cannot destructure a list of 3 items into 2 names
