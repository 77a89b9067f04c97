let who = "r3"
let text = """
    first line
      indented \(who)
    last
    """
print(text)
# expect: first line
# expect:   indented r3
# expect: last
print(text.lines().count)  # expect: 3
