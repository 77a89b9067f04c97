# xlam records (tools and answers as JSON text or as lists) load as function-calling tasks.
let ds = load_jsonl("Tests/golden/tasks/fixtures/xlam.jsonl")
print(ds, ds[0].id, ds[1].query)  # expect: Dataset(2 function-calling tasks) 0 Convert 5 USD to EUR.
print(ds[0].answers.map(fn(c) { c.arguments.type }), ds[1].tools.map(fn(t) { t.name }))  # expect: ["beta", "game"] ["get_weather", "convert_currency"]
print(functionCalling.verify(ds[0], "[{\"name\": \"live_giveaways_by_type\", \"arguments\": {\"type\": \"game\"}}, {\"name\": \"live_giveaways_by_type\", \"arguments\": {\"type\": \"beta\"}}]").passed)  # expect: true
print(functionCalling.verify(ds[1], "[{\"name\": \"convert_currency\", \"arguments\": {\"amount\": 5, \"from\": \"USD\"}}]").reason)  # expect: call to convert_currency is missing required argument to; convert_currency: missing argument to (expected "EUR")
print(functionCalling.load("Tests/golden/tasks/fixtures/xlam.jsonl") == ds)  # expect: true
functionCalling.load("Tests/golden/tasks/fixtures/xlam_bad_tool.jsonl")  # expect error: functionCalling.load(): Tests/golden/tasks/fixtures/xlam_bad_tool.jsonl:2: field "tools[0].parameters.city": expected an object, got a string
