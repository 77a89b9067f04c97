for x in [-1, 0, 1] {
  if x < 0 { print("neg") }
  else if x == 0 { print("zero") }
  else { print("pos") }
}
# expect: neg
# expect: zero
# expect: pos
