let x = 1 $ 2  # expect error: unexpected character '$'
