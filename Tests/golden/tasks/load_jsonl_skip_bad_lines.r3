# skipBadLines: true keeps the good lines, prints a warning that counts the bad ones, and records the count.
let ds = load_jsonl("Tests/golden/tasks/fixtures/some_bad.jsonl", skipBadLines: true)
# expect: warning: load_jsonl(): loaded 3 records from Tests/golden/tasks/fixtures/some_bad.jsonl; skipped 2 bad lines (first: Tests/golden/tasks/fixtures/some_bad.jsonl:2: field "target": expected an integer, got a string)
print(ds, ds.skippedLines, ds.map(fn(t) { t.target }))  # expect: Dataset(3 countdown tasks) 2 [98, 3, 6]
load_jsonl("Tests/golden/tasks/fixtures/some_bad.jsonl")  # expect error: Tests/golden/tasks/fixtures/some_bad.jsonl:2: field "target": expected an integer, got a string
