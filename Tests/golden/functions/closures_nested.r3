fn outer() {
  var x = 1
  fn middle() {
    fn inner() { x += 1; return x }
    return inner
  }
  let f = middle()
  f(); f()
  return x
}
print(outer())  # expect: 3
let twice = fn(f, v) { f(f(v)) }
print(twice(fn(v) { v * v }, 3))  # expect: 81
