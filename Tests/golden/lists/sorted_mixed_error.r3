print([1, "a"].sorted())  # expect error: cannot compare string with number
