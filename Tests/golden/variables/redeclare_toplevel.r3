# At the top level a name may be declared again (handy in notebooks and the REPL).
let x = 1
let x = 2
print(x)  # expect: 2
