fn f(a, b = 1) { a + b }
f(1, a: 2)  # expect error: f() got two values for 'a'
