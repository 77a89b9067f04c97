print([1] - [1])  # expect error: cannot apply '-' to list and list
