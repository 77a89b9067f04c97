# Function-calling prompts: compact (signatures, Q:, A:) and chat; gold completions pass their verifier.
let tools = [["name": "get_time", "description": "Local time.", "parameters": ["timezone": ["type": "str", "description": "IANA name"], "format": ["type": "str, optional", "description": "12h or 24h"]]]]
let t = functionCalling.task(query: "Time in Tokyo?", tools: tools, answers: [["name": "get_time", "arguments": ["timezone": "Asia/Tokyo"]]])
print(prompt(t))
# expect: get_time(timezone: str, format?: str)
# expect: Q: Time in Tokyo?
# expect: A:
print(repr(demonstration(t).completion))  # expect: " [{\"name\":\"get_time\",\"arguments\":{\"timezone\":\"Asia/Tokyo\"}}]\n"
print(functionCalling.verify(t, demonstration(t).completion).passed)  # expect: true
print(functionCalling.verify(t, demonstration(t, style: "chat").completion, extraction: "strict").passed)  # expect: true
print(prompt(t, style: "chat").hasSuffix("Query: Time in Tokyo?"))  # expect: true
