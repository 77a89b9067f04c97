fn named() { 1 }
print(named, print, [1].append)  # expect: <fn named> <builtin print> <method list.append>
