let s = "never closed  # expect error: unterminated string
