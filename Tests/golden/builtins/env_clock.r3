print(env("R3_SURELY_UNSET_VARIABLE"), clock() >= 0)  # expect: nil true
