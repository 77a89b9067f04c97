print(1 + 2 * 3, (1 + 2) * 3, 2 * 3 ** 2)   # expect: 7 9 18
print(2 ** 3 ** 2, -2 ** 2, (-2) ** 2)       # expect: 512 -4 4
print(10 - 4 - 3, 100 / 10 / 5)              # expect: 3 2
print(1 + 2 < 4 && 3 > 2 || false)           # expect: true
print(7 % 3, -7 % 3, 7.5 % 2)                # expect: 1 -1 1.5
