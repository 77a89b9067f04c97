fn f() { 1 }
f() = 2  # expect error: cannot assign to this expression
