# A verifier must return a bool, a score or a dictionary; anything else fails with a reason.
let t = countdown.task(nums: [5, 7, 3], target: 38)
print(verifier(fn(task, output) { nil }).check(t, "x").reason)
# expect: the verifier returned nil; it must return true or false, a score in [0, 1], or a dictionary with "passed", "score" and "reason"
print(verifier(fn(task, output) { "yes" }).check(t, "x").reason)
# expect: the verifier returned a string; it must return true or false, a score in [0, 1], or a dictionary with "passed", "score" and "reason"
print(verifier(fn(task, output) { ["passed": true, "reason": 5] }).check(t, "x").reason)  # expect: the verifier returned "reason": 5, which is not a string
verifier(42)  # expect error: verifier(): argument 'check' must be a function, got number
