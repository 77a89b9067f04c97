assert(1 + 1 == 2)
assert(false, "math is broken")  # expect error: math is broken
