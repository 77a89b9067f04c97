var xs = [1, 2]
let ys = xs
xs += [3]
print(xs, ys)  # expect: [1, 2, 3] [1, 2]
