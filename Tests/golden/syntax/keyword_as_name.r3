let for = 3  # expect error: expected a name or a [a, b] pattern, found 'for'
