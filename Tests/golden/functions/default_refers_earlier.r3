fn window(size, stride = size / 2) { [size, stride] }
print(window(8))  # expect: [8, 4]
