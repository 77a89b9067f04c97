# Function-calling tasks from lists or JSON text; fields by dot access; bad answers name the field.
let tools = "[{\"name\": \"get_time\", \"description\": \"Local time.\", \"parameters\": {\"timezone\": {\"type\": \"str\", \"description\": \"IANA name\"}}}]"
let t = functionCalling.task(query: "Time in Tokyo?", tools: tools, answers: [["name": "get_time", "arguments": ["timezone": "Asia/Tokyo"]]], id: 7)
print(t)  # expect: function_calling(query: "Time in Tokyo?", tools: ["get_time"], answers: 1)
print(t.kind, t.id, t.query, t.tools[0].name, t.answers[0].arguments.timezone)  # expect: function_calling 7 Time in Tokyo? get_time Asia/Tokyo
print(t.record.answers)  # expect: [{"name":"get_time","arguments":{"timezone":"Asia/Tokyo"}}]
print(functionCalling.verify(t, "[{\"name\": \"get_time\", \"arguments\": {\"timezone\": \"Asia/Tokyo\"}}]").passed)  # expect: true
functionCalling.task(query: "Time?", tools: tools, answers: [["name": "get_date", "arguments": [:]]])  # expect error: functionCalling.task(): field "answers[0].name": calls get_date, which is not in tools
