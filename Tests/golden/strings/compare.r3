print("apple" < "banana", "b" >= "a", "x" == "x")  # expect: true true true
