let d = ["z": 1, "a": 2, "m": 3]
for (k, v) in d { print(k, v) }
# expect: z 1
# expect: a 2
# expect: m 3
d.remove("a")
print(d.keys)  # expect: ["z", "m"]
