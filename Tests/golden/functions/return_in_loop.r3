fn find(xs, target) {
  for (i, v) in xs.enumerated() { if v == target { return i } }
  return -1
}
print(find([5, 6, 7], 7), find([1], 9))  # expect: 2 -1
