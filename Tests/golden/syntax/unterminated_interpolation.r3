let s = "value \(1 + 2"  # expect error: syntax error
