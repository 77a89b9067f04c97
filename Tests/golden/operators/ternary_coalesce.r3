let total = 16
print(total > 10 && !false ? "big" : "small")  # expect: big
let cfg = ["lr": 0.1]
print(cfg.get("steps") ?? 100, nil ?? nil ?? 3)  # expect: 100 3
