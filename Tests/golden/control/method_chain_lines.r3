let r = [3, 1, 2]
  .sorted()
  .map(fn(v) { v * 2 })
print(r)  # expect: [2, 4, 6]
let long = 1 +
  2 +
  3
print(long)  # expect: 6
