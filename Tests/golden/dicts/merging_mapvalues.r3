let a = ["x": 1, "y": 2]
print(a.merging(["y": 20, "z": 30]))    # expect: ["x": 1, "y": 20, "z": 30]
print(a.mapValues(fn(v) { v * 10 }))    # expect: ["x": 10, "y": 20]
