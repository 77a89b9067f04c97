print(1, separator: "-", 2)  # expect error: a positional argument cannot follow a named one
