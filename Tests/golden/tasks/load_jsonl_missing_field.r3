# A missing field is an error naming the file, the line and the field.
countdown.load("Tests/golden/tasks/fixtures/missing_field.jsonl")  # expect error: countdown.load(): Tests/golden/tasks/fixtures/missing_field.jsonl:2: field "target": missing
