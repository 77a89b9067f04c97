let x  # expect error: 'let' needs a value
