let x = 1 + 2 * 3
var n = 0
n = n + 1
n += 1
print(x, n)   # expect: 7 2
n -= 5; print(n)  # expect: -3
n *= -2; print(n) # expect: 6
n /= 4; print(n)  # expect: 1.5
n %= 1; print(n)  # expect: 0.5
