fn outer() {
  fn down(n) { n == 0 ? "done" : down(n - 1) }
  return down(5)
}
print(outer())  # expect: done
fn makeCounter() {
  fn count(n) { n <= 0 ? 0 : 1 + count(n - 1) }
  return count
}
let c = makeCounter()
print(c(4), makeCounter()(2))  # expect: 4 2
