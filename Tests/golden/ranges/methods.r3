let r = 0..<5
print(r.count, r.contains(4), r.contains(5), (1...3).contains(3))  # expect: 5 true false true
print(r.map(fn(i) { i * i }), r.filter(fn(i) { i % 2 == 0 }))   # expect: [0, 1, 4, 9, 16] [0, 2, 4]
print((1...4).reduce(0, fn(a, b) { a + b }), r.list())  # expect: 10 [0, 1, 2, 3, 4]
