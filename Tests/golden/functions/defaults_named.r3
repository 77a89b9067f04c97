fn square(v) { return v * v }
fn scale(v, by = 2) { v * by }
print(square(4), scale(3), scale(3, by: 10))   # expect: 16 6 30
fn span(lo, hi = lo + 10) { [lo, hi] }
print(span(1), span(1, hi: 2), span(hi: 5, lo: 4))  # expect: [1, 11] [1, 2] [4, 5]
