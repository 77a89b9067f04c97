# The same seed and knobs give the same tasks; a smaller count gives a prefix; another seed differs.
let a = countdown.generate(count: 60, seed: 7)
let b = countdown.generate(count: 60, seed: 7)
let c = countdown.generate(count: 60, seed: 8)
print(a == b, a == c)  # expect: true false
print(countdown.generate(count: 25, seed: 7) == a.take(25))  # expect: true
print(a, a.kind)  # expect: Dataset(60 countdown tasks) countdown
# Every task is distinct and solvable, and its solution passes the verifier.
var keys = [:]
var solved = 0
for t in a {
  keys["\(t.nums.sorted()) \(t.target)"] = true
  if countdown.verify(t, countdown.solve(t)).passed { solved += 1 }
}
print(keys.count, solved)  # expect: 60 60
