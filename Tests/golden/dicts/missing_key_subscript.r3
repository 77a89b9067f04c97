let d = ["alpha": 1]
print(d["alpah"])  # expect error: no key "alpah" in the dictionary (did you mean "alpha"?)
