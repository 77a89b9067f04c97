# A range's count and last are exact numbers, also past what a loop could walk.
print((0..<9.3e18).count, (1...1e300).count)  # expect: 9.3e+18 1e+300
print((0..<9.3e18).last, (-5...5).count)  # expect: 9.3e+18 11
