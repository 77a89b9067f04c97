for i in 3..<3 { print("never") }
print((5..<2).count, [1, 2][1..<1])  # expect: 0 []
