# A list nested 100,000 deep prints (and compares) in linear time; a list that holds itself prints [...].
var x = []
var y = []
for i in 0..<100000 { x = [x]; y = [y] }
let s = "\(x)"
print(s.count, s.hasPrefix("[[[["), s.hasSuffix("]]]]"))  # expect: 200002 true true
print(x == y)  # expect: true
let me = [1]
me.append(me)
print(me)  # expect: [1, [...]]
