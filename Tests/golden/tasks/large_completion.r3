# A 1 MB completion: verifiers answer with short reasons, script verifiers see the whole text, JSON round-trips it.
let t = countdown.task(nums: [5, 7, 3], target: 38)
let huge = "5*7+3" + "+0".repeated(500000)
print(huge.count)  # expect: 1000005
print(countdown.verify(t, huge).reason)  # expect: uses 0, which is not given
let longLine = "x".repeated(1000000)
print(countdown.verify(t, longLine).reason)  # expect: not an equation: expected a number or '(' at column 1, found 'x'
print(verifier(fn(task, output) { output.count == 1000000 }).check(t, longLine).passed)  # expect: true
print(regexVerifier("x{3}", full: false).check(t, longLine).passed)  # expect: true
let record = json.stringify(["nums": [5, 7, 3], "target": 38, "completion": longLine])
print(json.parse(record).completion.count)  # expect: 1000000
let path = "/tmp/r3-golden-tasks-large.jsonl"
dataset([json.parse(record)]).save(path)
print(load_jsonl(path)[0].target)  # expect: 38
