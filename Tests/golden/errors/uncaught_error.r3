fn check(x) { if x < 0 { error("negative input: \(x)") } }
check(1)
print("still here")  # expect: still here
check(-2)
# expect error: in check, called from
