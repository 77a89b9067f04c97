# A missing file or a directory is an error naming the path; a bad kind names the choices.
try { load_jsonl("Tests/golden/tasks/fixtures/nope.jsonl") } catch e { print(e) }  # expect: load_jsonl(): Tests/golden/tasks/fixtures/nope.jsonl: no such file
try { load_jsonl("Tests/golden/tasks/fixtures") } catch e { print(e) }  # expect: load_jsonl(): Tests/golden/tasks/fixtures: is a directory, not a JSONL file
load_jsonl("Tests/golden/tasks/fixtures/countdown.jsonl", kind: "math")  # expect error: load_jsonl(): argument 'kind' must be "countdown", "function_calling", "text" or "records", got "math"
