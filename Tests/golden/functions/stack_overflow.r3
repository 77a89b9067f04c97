fn down(n) { return down(n + 1) }
down(0)
# expect error: stack overflow: more than 20000 nested calls
