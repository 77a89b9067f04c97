let x = "outer"
if true {
  let x = "inner"
  print(x)   # expect: inner
}
print(x)     # expect: outer
fn f(x) { x }
print(f(5))  # expect: 5
