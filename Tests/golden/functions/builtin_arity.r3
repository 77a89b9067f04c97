print(sqrt())  # expect error: sqrt() is missing argument 'x'
