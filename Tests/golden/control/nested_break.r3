var pairs = []
for a in 0..<3 {
  for b in 0..<3 { if b > a { break }; pairs.append([a, b]) }
}
print(pairs.count, pairs.last)  # expect: 6 [2, 2]
