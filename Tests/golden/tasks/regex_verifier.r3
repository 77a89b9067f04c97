# regexVerifier: a full match by default (as re.fullmatch), or a match anywhere.
let t = countdown.task(nums: [1, 2], target: 3)
let full = regexVerifier("[0-9]+([+*/-][0-9]+)*")
print(full.check(t, "1+2"), full.check(t, "1+2 "))
# expect: ["passed": true, "score": 1, "reason": "correct"] ["passed": false, "score": 0, "reason": "the output does not match \"[0-9]+([+*/-][0-9]+)*\""]
let anywhere = regexVerifier("ans(wer)?:", full: false)
print(anywhere.check(t, "the answer: 3").passed, anywhere.check(t, "3").reason)  # expect: true the output contains no match for "ans(wer)?:"
print(regexVerifier("héllo").check(["prompt": "p"], "héllo").passed)  # expect: true
regexVerifier("(unclosed")  # expect error: regexVerifier(): invalid regular expression "(unclosed"
