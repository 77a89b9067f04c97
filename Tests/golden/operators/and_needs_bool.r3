print(true && 1)  # expect error: '&&' needs true or false, got number
