let a = 1 let b = 2  # expect error: expected a new line or ';' after the statement
