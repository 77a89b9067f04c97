# Inverted dropout: zeros with probability p, survivors scaled by 1 / (1 - p).
let x = ones([10000])
print(equal(x.dropout(0), x))  # expect: true
let d = x.dropout(0.25, seed: 1)
let kept = (d > 0).mean().item()
print(abs(kept - 0.75) < 0.02)  # expect: true
print(abs(d.max().item() - 4 / 3) < 1e-6, d.min().item())  # expect: true 0
print(equal(x.dropout(1), zeros([10000])))  # expect: true
print(equal(d, x.dropout(0.25, seed: 1)), equal(d, x.dropout(0.25, seed: 2)))  # expect: true false
x.dropout(1.5)  # expect error: Tensor.dropout(): probability must be in [0, 1], got 1.5
