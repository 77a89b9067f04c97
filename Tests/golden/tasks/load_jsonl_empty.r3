# An empty file, or one of blank lines only, is an error: an empty dataset is always a mistake.
try { load_jsonl("Tests/golden/tasks/fixtures/empty.jsonl") } catch e { print(e) }  # expect: load_jsonl(): Tests/golden/tasks/fixtures/empty.jsonl: empty file: no JSONL records
try { load_jsonl("Tests/golden/tasks/fixtures/blank_lines.jsonl", skipBadLines: true) } catch e { print(e) }  # expect: load_jsonl(): Tests/golden/tasks/fixtures/blank_lines.jsonl: no records: the file holds only blank lines
load_jsonl("Tests/golden/tasks/fixtures/empty.jsonl", kind: "countdown")  # expect error: empty file: no JSONL records
