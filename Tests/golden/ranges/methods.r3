let r = 0..<5
print(r.count, r.contains(4), r.contains(5), (1...3).contains(3))  # expect: 5 true false true
print(r.map(fn(i) { i * i }), r.filter(fn(i) { i % 2 == 0 }))   # expect: [0, 1, 4, 9, 16] [0, 2, 4]
print((1...4).reduce(0, fn(a, b) { a + b }), r.list())  # expect: 10 [0, 1, 2, 3, 4]
print(r.first, r.last, (1...3).last, (3..<3).first, (3..<3).last)  # expect: 0 4 3 nil nil
print(r.first(where: fn(i) { i > 2 }), (0.5..<3).last)  # expect: 3 2.5
