print([1, "two", [3.5, nil]])       # expect: [1, "two", [3.5, nil]]
print(["a": 1, "b": [true]])        # expect: ["a": 1, "b": [true]]
print([:], [])                      # expect: [:] []
print(0..<3, 1...4)                 # expect: 0..<3 1...4
