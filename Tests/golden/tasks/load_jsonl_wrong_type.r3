# A field of the wrong type is an error naming the file, the line and the field path.
load_jsonl("Tests/golden/tasks/fixtures/wrong_type.jsonl")  # expect error: load_jsonl(): Tests/golden/tasks/fixtures/wrong_type.jsonl:1: field "nums[1]": expected an integer, got 2.5
