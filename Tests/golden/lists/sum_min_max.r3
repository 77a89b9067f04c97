print([1, 2, 3.5].sum(), [4, 2, 9].min(), [4, 2, 9].max())  # expect: 6.5 2 9
print(sum([1, 2]), mean([1, 2, 3, 4]), min(3, 1, 2), max([5, 8]))  # expect: 3 2.5 1 8
print([1, 2, 3].prefix(2), [1, 2, 3].suffix(1), [1, 2, 3].dropFirst(), [1, 2].reversed())  # expect: [1, 2] [3] [2, 3] [2, 1]
