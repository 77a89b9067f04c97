# exactVerifier: equality with `expected`, or with the task's answer; whitespace normalised by default.
let v = exactVerifier("Paris")
print(v.check(["prompt": "Capital of France?"], "  Paris\n").passed, v.check(["prompt": "x"], "paris").reason)  # expect: true expected "Paris", got "paris"
print(exactVerifier("a  b", normalizeWhitespace: false).check(["prompt": "x"], "a b").passed)  # expect: false
let answers = exactVerifier()
let t = task(["prompt": "Say hello.", "answer": "hello"])
print(t.kind, answers.check(t, "hello").passed, answers.check(t, "hello world").reason)  # expect: text true expected "hello", got "hello world"
print(answers.check(["question": "2+2?", "answer": "4"], "4").passed)  # expect: true
print(answers.check(countdown.task(nums: [1], target: 1), "1").reason)  # expect: exact match needs an expected answer: the task has no "answer"
