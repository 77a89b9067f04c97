print(2 @ 3)  # expect error: '@' is the matrix product of tensors
