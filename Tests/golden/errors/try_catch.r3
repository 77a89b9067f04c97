try {
  error("bad thing")
} catch e {
  print("caught: \(e)")  # expect: caught: bad thing
}
try { let xs = [1]; xs[5] } catch e { print(e) }  # expect: index 5 is out of range for a list of 1 item
try { error(["code": 42]) } catch e { print(e.code) }  # expect: 42
try { error("x") } catch { print("no binding") }  # expect: no binding
