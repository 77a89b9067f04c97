print("ok")  # expect: ok
error("custom failure")  # expect error: custom failure
