let x = 3
x(1)  # expect error: cannot call a number: it is not a function
