fn scale(v, by = 2) { v * by }
scale(3, bye: 4)  # expect error: scale() has no parameter named 'bye' (did you mean 'by'?)
