let s = "  Hello, World  "
print(s.trimmed())                       # expect: Hello, World
print(s.trimmed().uppercased(), s.trimmed().lowercased())  # expect: HELLO, WORLD hello, world
print("a,b,,c".split(","))               # expect: ["a", "b", "", "c"]
print("  many   spaces here ".split())   # expect: ["many", "spaces", "here"]
print("hello".contains("ell"), "hello".hasPrefix("he"), "hello".hasSuffix("x"))  # expect: true true false
print("a-b-c".replacing("-", with: "+"))  # expect: a+b+c
print("abc".count, "".isEmpty)           # expect: 3 true
print("héllo"[1], "hello"[1..<3], "hello"[-1])  # expect: é el o
print("ab".repeated(3), "abc".reversed())   # expect: ababab cba
print(["x", "y"].joined(separator: "-"))  # expect: x-y
