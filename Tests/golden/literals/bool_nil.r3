print(true, false, nil)   # expect: true false nil
print(type(nil), type(true), type(1), type("s"))  # expect: nil bool number string
print(nil == nil, true != false)  # expect: true true
