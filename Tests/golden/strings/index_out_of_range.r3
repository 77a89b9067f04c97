let s = "abc"
print(s[3])  # expect error: index 3 is out of range for a string of 3 characters
