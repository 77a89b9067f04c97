var calls = 0
fn touch() { calls += 1; return true }
print(false && touch(), true || touch(), calls)  # expect: false true 0
print(!true, !(1 > 2))  # expect: false true
