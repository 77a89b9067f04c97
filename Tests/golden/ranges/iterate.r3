for i in 0..<3 { print(i) }
# expect: 0
# expect: 1
# expect: 2
for i in 1...2 { print(i) }
# expect: 1
# expect: 2
let n = 2
for i in 0..<n+1 { print(i, terminator: " ") }
print()   # expect: 0 1 2 
