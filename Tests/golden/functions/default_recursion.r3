# A default that calls the function itself recurses without end: a clean stack overflow, not a crash.
fn r(n, d = r(n + 1)) { d }
r(0)
# expect error: stack overflow: more than 20000 nested calls
