# A malformed line is an error naming the file, the line and the column.
load_jsonl("Tests/golden/tasks/fixtures/bad_json.jsonl")  # expect error: load_jsonl(): Tests/golden/tasks/fixtures/bad_json.jsonl:3:17: unexpected character '"': expected ',' or '}' in object
