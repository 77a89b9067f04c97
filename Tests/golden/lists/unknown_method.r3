let xs = [1]
xs.apend(2)  # expect error: a list has no member 'apend' (did you mean 'append'?)
