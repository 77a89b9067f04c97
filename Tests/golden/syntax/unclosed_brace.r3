fn f() {
  print(1)
# expect error: '{' is never closed
