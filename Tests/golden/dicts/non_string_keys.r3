let d = [1: "one", true: "yes", 2.5: "x"]
print(d[1], d[true], d[2.5])  # expect: one yes x
print(d)                      # expect: [1: "one", true: "yes", 2.5: "x"]
