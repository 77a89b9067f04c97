print(number("2.5") + 1, number("abc"), number(" 7 "))  # expect: 3.5 nil 7
print(string(12) + "!", string([1]))  # expect: 12! [1]
