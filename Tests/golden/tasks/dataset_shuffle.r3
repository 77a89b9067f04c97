# shuffled(seed:) is a seeded permutation; shuffle(seed) is the same; the original is unchanged.
let ds = countdown.generate(count: 50, seed: 1)
let a = ds.shuffled(seed: 3)
print(a == ds.shuffled(seed: 3), a == ds.shuffle(3), a == ds.shuffled(seed: 4), a == ds)  # expect: true true false false
print(a.count, ds[0] == countdown.generate(count: 1, seed: 1)[0])  # expect: 50 true
# The same tasks, in another order.
let key = fn(t) { "\(t.nums) \(t.target)" }
print(a.map(key).sorted() == ds.map(key).sorted())  # expect: true
