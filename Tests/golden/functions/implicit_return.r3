fn sign(x) {
  if x > 0 { "positive" } else if x < 0 { "negative" } else { "zero" }
}
print(sign(3), sign(-1), sign(0))  # expect: positive negative zero
fn nothing() { let a = 1 }
print(nothing())  # expect: nil
