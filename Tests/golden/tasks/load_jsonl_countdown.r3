# load_jsonl detects Countdown records (nums, target); other fields are ignored; blank lines skipped.
let ds = load_jsonl("Tests/golden/tasks/fixtures/countdown.jsonl")
print(ds, ds.kind, ds.skippedLines)  # expect: Dataset(3 countdown tasks) countdown 0
print(ds[0], ds[2])  # expect: countdown(nums: [44, 19, 35], target: 98) countdown(nums: [2, 3, 5, 10], target: 100)
print(countdown.load("Tests/golden/tasks/fixtures/countdown.jsonl") == ds, load_jsonl("Tests/golden/tasks/fixtures/countdown.jsonl", kind: "countdown") == ds)  # expect: true true
print(load_jsonl("Tests/golden/tasks/fixtures/countdown.jsonl", kind: "records")[0])  # expect: ["nums": [44, 19, 35], "target": 98, "source": "countdown-tasks-3to4"]
print(ds.map(fn(t) { countdown.verify(t, countdown.solve(t)).passed }))  # expect: [true, true, true]
