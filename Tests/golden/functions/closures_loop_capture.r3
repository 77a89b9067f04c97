var fs = []
for i in 0..<3 { fs.append(fn() { i * 10 }) }
print(fs.map(fn(f) { f() }))  # expect: [0, 10, 20]
var gs = []
var j = 0
while j < 3 { let k = j; gs.append(fn() { k }); j += 1 }
print(gs.map(fn(g) { g() }))  # expect: [0, 1, 2]
