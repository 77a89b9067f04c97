let x = 12abc  # expect error: invalid number '12abc'
