# save(path) writes JSONL that load_jsonl reads back as the same tasks (Countdown and function calling).
let path = "/tmp/r3-golden-tasks-save.jsonl"
let cd = countdown.generate(count: 20, seed: 9)
cd.save(path)
print(load_jsonl(path) == cd)  # expect: true
let fc = functionCalling.generate(count: 10, seed: 9)
fc.save(path)
print(load_jsonl(path) == fc, readFile(path).lines().count)  # expect: true 10
dataset([["a": 1, "b": [true, nil]]]).save(path)
print(readFile(path).trimmed())  # expect: {"a":1,"b":[true,null]}
try { dataset([1]).save("/tmp") } catch e { print(e) }  # expect: Dataset.save(): /tmp: is a folder; name a .jsonl file to write
dataset([["f": print]]).save(path)  # expect error: Dataset.save(): item 0: cannot convert a function to JSON (at .f)
