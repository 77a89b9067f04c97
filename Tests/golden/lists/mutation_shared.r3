let xs = [1]
let alias = xs
xs.append(2)
alias.append(3)
print(xs)        # expect: [1, 2, 3]
let copy = xs.copy()
copy.append(4)
print(xs.count, copy.count)  # expect: 3 4
xs[0] = 100
print(alias[0])  # expect: 100
