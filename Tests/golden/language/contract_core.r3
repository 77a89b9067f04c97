# The "Core" section of LANGUAGE.md, as written.
let x = 1 + 2 * 3          # immutable binding
var n = 0                  # mutable
n = n + 1
n += 1
print(x, n)                # expect: 7 2
let name = "world"
print("hello \(name), \(x * 2)")   # expect: hello world, 14
let big = """
  multi-line
  text
  """
fn square(v) { return v * v }
fn scale(v, by = 2) { v * by }           # the last expression is the result
print(square(4), scale(3), scale(3, by: 10))   # expect: 16 6 30
let twice = fn(f, v) { f(f(v)) }
print(twice(square, 3))                  # expect: 81

fn counter() {
  var c = 0
  return fn() { c += 1; return c }
}
let next = counter(); next(); print(next())   # expect: 2

for i in 0..<3 { print(i) }              # 0 1 2
# expect: 0
# expect: 1
# expect: 2
var total = 0
for v in [1, 2, 3] { if v == 2 { continue }; total += v }
while total < 10 { total *= 2 }
print(total)                              # expect: 16
print(total > 10 && !false ? "big" : "small")   # expect: big

let xs = [3, 1, 2]
print(xs.count, xs[0], xs.sorted(), xs.map(fn(v) { v * 10 }))   # expect: 3 3 [1, 2, 3] [30, 10, 20]
let cfg = ["lr": 0.001, "steps": 100]
print(cfg["lr"], cfg.steps)               # expect: 0.001 100
let [a, b] = [1, 2]                       # destructuring a list

try {
  error("bad thing")
} catch e {
  print("caught: \(e)")                   # expect: caught: bad thing
}
import "fixtures/helpers.r3"              # expect: helpers loaded
print(big)
# expect: multi-line
# expect: text
