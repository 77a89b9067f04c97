# randn and rand have the distributions they claim (100000 samples; loose bounds).
let z = randn([100000], seed: 1, mean: 2, std: 3)
let m = z.mean().item()
let sd = ((z - m) ** 2).mean().sqrt().item()
print(abs(m - 2) < 0.05, abs(sd - 3) < 0.05)  # expect: true true
let u = rand([100000], seed: 2, low: -1, high: 3)
print(u.min().item() >= -1, u.max().item() < 3, abs(u.mean().item() - 1) < 0.03)  # expect: true true true
# About a third of standard normals lie outside [-1, 1].
let outside = (randn([100000], seed: 3).abs() > 1).mean().item()
print(abs(outside - 0.3173) < 0.01)  # expect: true
try { rand([3], seed: 1, low: 1, high: 0) } catch e { print(e) }  # expect: rand(): argument 'low' (1) must not be above 'high' (0)
try { randn([3], seed: 1, std: -1) } catch e { print(e) }  # expect: randn(): argument 'std' must not be negative, got -1
