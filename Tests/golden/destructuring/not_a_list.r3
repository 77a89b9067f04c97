let [a, b] = 5  # expect error: cannot destructure a number into 2 names
