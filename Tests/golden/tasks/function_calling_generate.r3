# Generated function-calling tasks: deterministic, distinct queries, gold answers that pass.
let a = functionCalling.generate(count: 40, seed: 2)
print(a == functionCalling.generate(count: 40, seed: 2), a == functionCalling.generate(count: 40, seed: 3))  # expect: true false
print(a, a.kind)  # expect: Dataset(40 function-calling tasks) function_calling
var queries = [:]
var passed = 0
for t in a {
  queries[t.query] = true
  let names = t.tools.map(fn(tool) { tool.name })
  assert(t.answers.allSatisfy(fn(call) { names.contains(call.name) }), "an answer calls a tool that is not offered")
  if functionCalling.verify(t, json.stringify(t.answers), extraction: "strict").passed { passed += 1 }
}
print(queries.count, passed)  # expect: 40 40
let single = functionCalling.generate(count: 20, seed: 4, maxCalls: 1, distractors: 0)
print(single.filter(fn(t) { t.answers.count == 1 && t.tools.count == 1 }).count)  # expect: 20
print(functionCalling.catalog().count)  # expect: 40
try { functionCalling.generate(maxCalls: 9) } catch e { print(e) }
# expect: functionCalling.generate(): maxCalls must lie in 1...5, got 9
