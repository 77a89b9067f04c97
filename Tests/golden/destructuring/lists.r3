let [a, b] = [1, 2]
let (c, d) = ["x", "y"]
let [e, [f, g]] = [1, [2, 3]]
let [_, second] = [9, 8]
print(a, b, c, d, e, f, g, second)  # expect: 1 2 x y 1 2 3 8
var [p, q] = [1, 2]
p += 10
print(p, q)  # expect: 11 2
