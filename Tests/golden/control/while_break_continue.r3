var total = 0
for v in [1, 2, 3] { if v == 2 { continue }; total += v }
while total < 10 { total *= 2 }
print(total)  # expect: 16
var i = 0
while true { i += 1; if i == 5 { break } }
print(i)  # expect: 5
