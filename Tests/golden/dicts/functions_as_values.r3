let ops = ["double": fn(x) { x * 2 }, "name": "ops"]
print(ops.double(21), ops.name)  # expect: 42 ops
