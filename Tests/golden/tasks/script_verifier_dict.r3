# verifier(fn) returning a dictionary with passed, score and reason (each optional but one of passed/score).
let t = countdown.task(nums: [5, 7, 3], target: 38)
let v = verifier(fn(task, output) {
  let verdict = countdown.verify(task, output)
  if verdict.passed { return ["passed": true, "reason": "nice"] }
  return ["passed": false, "score": output.contains("38") ? 0.25 : 0, "reason": "countdown says: \(verdict.reason)"]
})
print(v.check(t, "5*7+3"))  # expect: ["passed": true, "score": 1, "reason": "nice"]
print(v.check(t, "5*7 = 38"))  # expect: ["passed": false, "score": 0.25, "reason": "countdown says: does not use 3"]
print(verifier(fn(t, o) { ["score": 1] }).check(t, ""))  # expect: ["passed": true, "score": 1, "reason": "correct"]
print(verifier(fn(t, o) { ["passed": false] }).check(t, "").reason)  # expect: the verifier returned passed: false
print(verifier(fn(t, o) { ["pass": true] }).check(t, "").reason)  # expect: the verifier returned a dictionary without "passed" or "score" (its keys: "pass")
print(verifier(fn(t, o) { ["passed": "yes"] }).check(t, "").reason)  # expect: the verifier returned "passed": "yes", which is not true or false
print(verifier(fn(t, o) { ["passed": true, "score": 2] }).check(t, "").reason)  # expect: the verifier returned "score": 2, which is not a number in [0, 1]
# A built-in verdict can be returned as it is.
print(verifier(fn(t, o) { countdown.verify(t, o) }).check(t, "5*7*3"))  # expect: ["passed": false, "score": 0, "reason": "evaluates to 105, target 38"]
