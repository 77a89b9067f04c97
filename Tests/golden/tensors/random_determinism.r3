# The same seed gives the same tensor; the session generator restarts with manualSeed.
let a = randn([3, 4], seed: 7)
let b = randn([3, 4], seed: 7)
let c = randn([3, 4], seed: 8)
print(equal(a, b), equal(a, c))  # expect: true false
print(equal(rand([5], seed: 3), rand([5], seed: 3)))  # expect: true
manualSeed(42)
let x = randn([2, 3])
let y = rand([4])
manualSeed(42)
print(equal(randn([2, 3]), x), equal(rand([4]), y))  # expect: true true
# Without manualSeed the generator continues: the next draw differs.
print(equal(randn([2, 3]), x))  # expect: false
# A seeded draw does not disturb the session generator.
manualSeed(5)
let p = randn([3])
manualSeed(5)
randn([3], seed: 99)
print(equal(randn([3]), p))  # expect: true
let d1 = ones([1000]).dropout(0.5, seed: 3)
print(equal(d1, ones([1000]).dropout(0.5, seed: 3)))  # expect: true
