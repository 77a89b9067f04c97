sqrt("four")  # expect error: sqrt(): argument 'x' must be a number, got string
