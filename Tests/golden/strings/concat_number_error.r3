let n = 3
print("n = " + n)  # expect error: cannot apply '+' to string and number
