fn inner(x) { return x.missing }  # expect error: a number has no member 'missing'
fn outer() { inner(1) }
outer()
