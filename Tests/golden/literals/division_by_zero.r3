# Division follows IEEE 754 (documented in docs/language.md).
print(1 / 0, -1 / 0)      # expect: inf -inf
print(0 / 0)              # expect: nan
print(5 % 0)              # expect: nan
print(isnan(0 / 0), isfinite(1 / 0))  # expect: true false
