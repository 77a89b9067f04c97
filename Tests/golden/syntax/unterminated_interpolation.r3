let s = "value \(1 + 2"  # expect error: unterminated interpolation in string
