for x in 5 { print(x) }  # expect error: cannot iterate over a number
