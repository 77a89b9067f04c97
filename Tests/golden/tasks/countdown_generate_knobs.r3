# The generator knobs hold for every task (checked with the solver).
let ts = countdown.generate(count: 40, seed: 3, numbers: 4, numberRange: 1...10, targetRange: [10, 20], distinctNumbers: true)
print(ts.filter(fn(t) { t.nums.count == 4 }).count)  # expect: 40
print(ts.filter(fn(t) { t.nums.allSatisfy(fn(n) { n >= 1 && n <= 10 }) }).count)  # expect: 40
print(ts.filter(fn(t) { t.target >= 10 && t.target <= 20 }).count)  # expect: 40
print(ts.filter(fn(t) { t.nums.allSatisfy(fn(n) { t.nums.count(where: fn(m) { m == n }) == 1 }) }).count)  # expect: 40
let unique = countdown.generate(count: 10, seed: 3, numbers: 3, maxSolutions: 1)
print(unique.filter(fn(t) { countdown.solve(t, all: true).count == 1 }).count)  # expect: 10
let division = countdown.generate(count: 10, seed: 5, numbers: 3, requireDivision: true)
print(division.filter(fn(t) { countdown.solve(t, all: true).allSatisfy(fn(s) { s.contains("/") }) }).count)  # expect: 10
let three = countdown.generate(count: 30, seed: 1, numbers: 3...4)
print(three.filter(fn(t) { t.nums.count == 3 || t.nums.count == 4 }).count)  # expect: 30
