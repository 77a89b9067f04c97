print(abs(-3), sqrt(16), floor(2.7), ceil(2.1), round(2.5), round(3.14159, digits: 2))  # expect: 3 4 2 3 3 3.14
print(pow(2, 10), exp(0), log(1), log2(8), log10(1000))  # expect: 1024 1 0 3 3
print(round(sin(pi / 2)), cos(0), pi > 3.14)  # expect: 1 1 true
print(round(1.5, digits: -400), round(1234.5, digits: -2), round(1e300, digits: 10), round(0.125, digits: 400))  # expect: 0 1200 1e+300 0.125
