# Verdicts and reasons of the Countdown verifier (docs/tasks.md): first line by default.
let t = countdown.task(nums: [5, 7, 3], target: 38)
print(countdown.verify(t, "5*7+3"))  # expect: ["passed": true, "score": 1, "reason": "correct"]
print(countdown.verify(t, "5 * 7 + 3 = 38").passed)  # expect: true
print(countdown.verify(t, "5*7+3\nthen some rambling").passed)  # expect: true
print(countdown.verify(t, "5*7+3 = 39"))  # expect: ["passed": false, "score": 0, "reason": "evaluates to 38, but the equation claims = 39"]
print(countdown.verify(t, "5*7*3").reason)  # expect: evaluates to 105, target 38
print(countdown.verify(t, "5*7+7").reason)  # expect: uses 7 twice
print(countdown.verify(t, "5*7+12").reason)  # expect: uses 12, which is not given
print(countdown.verify(t, "5*7").reason)  # expect: does not use 3
print(countdown.verify(t, "I think 5*7+3").reason)  # expect: not an equation: expected a number or '(' at column 1, found 'I'
print(countdown.verify(t, "").reason)  # expect: not an equation: the answer is empty
print(countdown.verify(t, "(5*7+3").reason)  # expect: not an equation: the '(' at column 1 is never closed
print(countdown.verify(countdown.task(nums: [5, 5, 3], target: 3), "3/(5-5)").reason)  # expect: division by zero
