return 1  # expect error: 'return' outside a function
