# Function-calling verdicts: multiset of calls, exact values (1 == 1.0), reasons, partial scores.
let tools = [
  ["name": "get_weather", "description": "Weather for a city.", "parameters": ["city": ["type": "str", "description": "City"], "unit": ["type": "str, optional", "description": "C or F", "default": "C"]]],
  ["name": "convert", "description": "Convert money.", "parameters": ["amount": ["type": "float", "description": "Amount"], "to": ["type": "str", "description": "Currency"]]],
]
let t = functionCalling.task(query: "Weather in Paris, and 5 dollars in euros?", tools: tools,
  answers: [["name": "get_weather", "arguments": ["city": "Paris"]], ["name": "convert", "arguments": ["amount": 5, "to": "EUR"]]])
let gold = """
  [{"name": "convert", "arguments": {"to": "EUR", "amount": 5.0}}, {"name": "get_weather", "arguments": {"city": "Paris"}}]
  """
print(functionCalling.verify(t, gold, extraction: "strict"))  # expect: ["passed": true, "score": 1, "reason": "correct"]
print(functionCalling.verify(t, gold + "\nDone!").passed, functionCalling.verify(t, gold + "\nDone!", extraction: "strict").passed)  # expect: true false
let wrong = """
  [{"name": "get_weather", "arguments": {"city": "paris"}}, {"name": "convert", "arguments": {"amount": 5, "to": "EUR"}}]
  """
print(functionCalling.verify(t, wrong))  # expect: ["passed": false, "score": 0.5, "reason": "get_weather: argument city: expected \"Paris\", got \"paris\""]
print(functionCalling.verify(t, "[{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}]").reason)  # expect: missing call to convert
print(functionCalling.verify(t, "[{\"name\": \"get_time\", \"arguments\": {}}]").reason)  # expect: calls get_time, which is not offered; missing call to get_weather; missing call to convert
print(functionCalling.verify(t, "").reason)  # expect: the output is empty, expected a JSON list of calls
print(functionCalling.verify(t, "Sure! ```json\n" + gold + "\n```", extraction: "lenient").passed)  # expect: true
print(functionCalling.verifier(extraction: "strict"))  # expect: <Verifier function_calling (strict)>
functionCalling.verify(t, gold, extraction: "xml")  # expect error: functionCalling.verify(): argument 'extraction' must be one of "strict", "line", "lenient", "tags", "tool_call", got "xml"
