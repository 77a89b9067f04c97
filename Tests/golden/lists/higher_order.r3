let xs = [1, 2, 3, 4]
print(xs.filter(fn(v) { v % 2 == 0 }))           # expect: [2, 4]
print(xs.reduce(0, fn(acc, v) { acc + v }))       # expect: 10
print(xs.allSatisfy(fn(v) { v > 0 }), xs.count(where: fn(v) { v > 2 }))  # expect: true 2
print(xs.first(where: fn(v) { v > 1 }))           # expect: 2
var seen = []
xs.forEach(fn(v) { seen.append(v * 2) })
print(seen)                                       # expect: [2, 4, 6, 8]
