fn f(a) { a }
f(1, 2)  # expect error: f() takes at most 1 argument, got 2
