fn fib(n) { if n < 2 { return n }; return fib(n - 1) + fib(n - 2) }
print(fib(20))  # expect: 6765
fn isEven(n) { n == 0 ? true : isOdd(n - 1) }
fn isOdd(n) { n == 0 ? false : isEven(n - 1) }
print(isEven(10), isOdd(7))  # expect: true true
