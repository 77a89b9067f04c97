# answerTags: true reads the last <answer>...</answer> (chat prompts).
let t = countdown.task(nums: [5, 7, 3], target: 38)
print(countdown.verify(t, "<think>5 times 7</think> <answer> 5 * 7 + 3 </answer>", answerTags: true).passed)  # expect: true
print(countdown.verify(t, "<answer>1</answer> no wait <answer>5*7+3</answer>", answerTags: true).passed)  # expect: true
print(countdown.verify(t, "5*7+3", answerTags: true).reason)  # expect: no <answer>...</answer> in the output
print(countdown.verify(t, "<answer>5*7+3</answer>").reason)  # expect: not an equation: expected a number or '(' at column 1, found '<'
let v = countdown.verifier(answerTags: true)
print(v, v.name)  # expect: <Verifier countdown (answer tags)> countdown (answer tags)
print(v.check(t, "<answer>5*7+3</answer>").passed, v(t, "<answer>5*7</answer>").reason)  # expect: true does not use 3
