if 1 { print("no") }  # expect error: the if condition must be true or false, got number
