# verifier(fn) returning a score in [0, 1]: passed only at 1; out-of-range scores fail with a reason.
let t = countdown.task(nums: [5, 7, 3], target: 38)
let used = verifier(fn(task, output) { task.nums.count(where: fn(n) { output.contains(string(n)) }) / task.nums.count })
print(used.check(t, "5*7+3"))  # expect: ["passed": true, "score": 1, "reason": "correct"]
print(used.check(t, "5*7"))  # expect: ["passed": false, "score": 0.6666666666666666, "reason": "score 0.6666666666666666"]
print(used.check(t, "nothing"))  # expect: ["passed": false, "score": 0, "reason": "score 0"]
let tooBig = verifier(fn(task, output) { 1.5 })
print(tooBig.check(t, "x"))  # expect: ["passed": false, "score": 0, "reason": "the verifier returned 1.5, which is not a score in [0, 1]"]
print(verifier(fn(task, output) { nan }).check(t, "x").reason)  # expect: the verifier returned nan, which is not a score in [0, 1]
