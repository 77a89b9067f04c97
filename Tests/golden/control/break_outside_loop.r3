break  # expect error: 'break' outside a loop
