# Records of no task kind load as dictionaries; prompt records as text tasks.
let qa = load_jsonl("Tests/golden/tasks/fixtures/records.jsonl")
print(qa, qa.kind, qa[1].tags, qa[0]["difficulty"])  # expect: Dataset(2 records) nil ["geo", "easy"] 1
print(exactVerifier().check(qa[1], "Paris").passed)  # expect: true
let text = load_jsonl("Tests/golden/tasks/fixtures/text.jsonl")
print(text, text[0].lang, text[0].answer, text[1].answer)  # expect: Dataset(2 text tasks) en hello nil
print(prompt(text[0]), text.demonstrations().count)
# expect: warning: Dataset.demonstrations(): left out 1 task without a gold completion (items 1)
# expect: Say hello. 1
