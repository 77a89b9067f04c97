print("tab\there")            # expect: tab	here
print("quote \" backslash \\") # expect: quote " backslash \
print("\u{48}\u{49} \u{1F600}") # expect: HI 😀
print(repr("a\nb"))           # expect: "a\nb"
