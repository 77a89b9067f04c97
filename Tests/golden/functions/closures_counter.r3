fn counter() {
  var c = 0
  return fn() { c += 1; return c }
}
let next = counter(); next(); print(next())   # expect: 2
let other = counter()
print(other(), next())  # expect: 1 3
