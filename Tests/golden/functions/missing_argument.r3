fn f(a, b) { a + b }
f(1)  # expect error: f() is missing argument 'b'
