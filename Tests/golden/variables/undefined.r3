let total = 3
print(totl)  # expect error: undefined variable 'totl' (did you mean 'total'?)
