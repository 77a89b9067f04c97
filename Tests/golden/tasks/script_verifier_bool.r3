# verifier(fn) returning true or false.
let t = countdown.task(nums: [5, 7, 3], target: 38)
let v = verifier(fn(task, output) { output.trimmed() == string(task.target) })
print(v)  # expect: <Verifier script>
print(v.check(t, " 38 "))  # expect: ["passed": true, "score": 1, "reason": "correct"]
print(v.check(t, "37"))  # expect: ["passed": false, "score": 0, "reason": "the verifier returned false"]
print(v(t, "38").passed)  # expect: true
fn containsTarget(task, output) { output.contains(string(task.target)) }
print(verifier(containsTarget), verifier(containsTarget, name: "target mentioned").name)  # expect: <Verifier containsTarget> target mentioned
# A record (dictionary) is passed to the function as it is.
print(v.check(["target": 3], "3").passed)  # expect: true
