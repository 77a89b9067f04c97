let xs = [3, 1, 2]
print(xs.count, xs[0], xs.sorted(), xs.map(fn(v) { v * 10 }))  # expect: 3 3 [1, 2, 3] [30, 10, 20]
print(xs[-1], xs.first, xs.last, [].first)  # expect: 2 3 2 nil
print(xs.contains(2), xs.firstIndex(of: 1), xs.isEmpty)  # expect: true 1 false
