print(-"a")  # expect error: cannot negate a string
