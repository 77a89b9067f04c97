let d = ["alpha": 1, "beta": 2]
print(d.gamma)  # expect error: the dictionary has no key "gamma"
