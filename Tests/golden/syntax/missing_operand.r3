print(1 +)  # expect error: expected an expression, found ')'
