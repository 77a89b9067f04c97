fn f() {
  let x = 1
  x = 2  # expect error: cannot assign to 'x': it is a 'let' constant
}
