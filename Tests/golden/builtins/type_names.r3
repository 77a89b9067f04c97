print(type([1]), type(["a": 1]), type(0..<1), type(print), type(fn() {}))  # expect: list dictionary range function function
