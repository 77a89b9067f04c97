let cfg = ["lr": 0.001, "steps": 100]
print(cfg["lr"], cfg.steps)   # expect: 0.001 100
cfg.steps = 200
cfg["warmup"] = 10
print(cfg)                    # expect: ["lr": 0.001, "steps": 200, "warmup": 10]
print(cfg.count, cfg.keys, cfg.values)  # expect: 3 ["lr", "steps", "warmup"] [0.001, 200, 10]
print(cfg.contains("lr"), cfg.get("nope", 0))  # expect: true 0
