# Function-calling warm-up records: a wrong call list as the failed attempt; the reflection plans each call with its arguments.
let task = functionCalling.task("What is the weather in Oslo?", [["name": "get_weather", "description": "Weather now", "parameters": ["city": ["type": "str", "description": "City"]]], ["name": "get_time", "description": "Time now", "parameters": ["timezone": ["type": "str", "description": "Zone"]]]], [["name": "get_weather", "arguments": ["city": "Oslo"]]])
let model = gpt(vocab: tokenizer.chars(" !\"(),:;=?ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_abcdefghijklmnopqrstuvwxyz{}\n"), layers: 1, dim: 16, heads: 2, context: 256)
let d = reflectionDemonstrations(model, [task], seed: 3)[0]
print(d.prompt.hasPrefix("get_weather(city: str)\nget_time(timezone: str)\nQ: What is the weather in Oslo?\nA: ["), d.prompt.hasSuffix("]\n?"))  # expect: true true
print(d.completion)
# expect: get_weather(city="Oslo")
# expect: ! [{"name":"get_weather","arguments":{"city":"Oslo"}}]
# expect:
