var later
print(later)  # expect: nil
later = 3
print(later)  # expect: 3
