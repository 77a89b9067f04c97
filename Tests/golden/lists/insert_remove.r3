let xs = [1, 2, 3]
xs.insert(0, at: 0)
print(xs)                 # expect: [0, 1, 2, 3]
print(xs.remove(at: 1), xs)  # expect: 1 [0, 2, 3]
print(xs.removeLast(), xs)   # expect: 3 [0, 2]
xs.extend([7, 8])
print(xs)                 # expect: [0, 2, 7, 8]
