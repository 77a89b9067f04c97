# A metrics log: add, columns, last, mean over the last values, count.
let m = metrics()
m.add(1, ["loss": 2.0, "reward": 0.0])
m.add(2, ["loss": 1.5, "reward": 0.5, "kl": 0.01])
m.add(["loss": 1.0, "reward": 1.0])
m.add(3, ["kl": 0.02])
print(m)  # expect: <Metrics: 3 steps; loss, reward, kl>
print(m.count, m.columns, m.steps)  # expect: 3 ["loss", "reward", "kl"] [1, 2, 3]
print(m.last)  # expect: ["step": 3, "loss": 1, "reward": 1, "kl": 0.02]
print(m["loss"], m.column("kl", steps: true))  # expect: [2, 1.5, 1] [[2, 0.01], [3, 0.02]]
print(m.mean("reward"), m.mean("loss", last: 2))  # expect: 0.5 1.25
m.add(4, ["loss": nan])
print(m.mean("loss", last: 1))  # expect: nan
for r in m.records[0..<1] { print(r) }  # expect: ["step": 1, "loss": 2, "reward": 0]
try { m.mean("loss", last: 0) } catch e { print(e) }  # expect: Metrics.mean(): last: must be at least 1, got 0
try { m.add(5, ["loss": "low"]) } catch e { print(e) }  # expect: Metrics.add(): the value of 'loss' must be a number, got string
try { m.add(1.5, ["loss": 1]) } catch e { print(e) }  # expect: Metrics.add(): argument 'step' must be a whole number, got 1.5
m["rewrad"]  # expect error: unknown series 'rewrad' (did you mean 'reward'?); known: loss, reward, kl
