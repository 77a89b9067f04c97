# softmax and logSoftmax along an axis, against the definitions.
let x = tensor([[1, 2, 3], [0, 0, 0]])
let s = x.softmax()
let e = exp(1) + exp(2) + exp(3)
print(format("%.6f %.6f %.6f", exp(1) / e, exp(2) / e, exp(3) / e))  # expect: 0.090031 0.244728 0.665241
print(format("%.6f %.6f %.6f", s[0, 0].item(), s[0, 1].item(), s[0, 2].item()))  # expect: 0.090031 0.244728 0.665241
print(s[1].list().map(fn(v) { format("%.6f", v) }))  # expect: ["0.333333", "0.333333", "0.333333"]
print(s.sum(axis: 1).list().map(fn(v) { abs(v - 1) < 1e-6 }))  # expect: [true, true]
print(format("%.6f", x.logSoftmax()[0, 0].item()), format("%.6f", 1 - log(e)))  # expect: -2.407606 -2.407606
# Along axis 0 each column sums to 1; large inputs do not overflow.
print(x.softmax(axis: 0).sum(axis: 0).list().map(fn(v) { abs(v - 1) < 1e-6 }))  # expect: [true, true, true]
print(tensor([1000, 1000]).softmax(), tensor([1000, 0]).logSoftmax())  # expect: tensor([0.5, 0.5]) tensor([    0, -1000])
