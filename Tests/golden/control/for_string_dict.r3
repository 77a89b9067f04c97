for c in "ab" { print(c) }
# expect: a
# expect: b
for [k, v] in ["x": 1] { print(k, v) }  # expect: x 1
