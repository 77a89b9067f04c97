print(1 < 2, 2 <= 2, 3 > 4, 4 >= 4, 1 == 1.0, 1 != 2)  # expect: true true false true true true
print([1, [2]] == [1, [2]], ["a": 1] == ["a": 1], [1] == [2])  # expect: true true false
print(1 == "1", nil == false)  # expect: false false
