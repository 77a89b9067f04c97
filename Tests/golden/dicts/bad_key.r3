let d = [[1]: 2]  # expect error: dictionary keys must be strings, numbers or booleans, got list
