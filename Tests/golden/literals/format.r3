print(format("%.3f|%5d|%-4s|%x|%%", 3.14159, 42, "ab", 255))  # expect: 3.142|   42|ab  |ff|%
print(format("%e", 12345.678))   # expect: 1.234568e+04
