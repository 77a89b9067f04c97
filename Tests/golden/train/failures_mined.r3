# failures keeps the tasks the model fails, each with its failed attempt; a model that passes everything leaves none.
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 64, seed: 1)
let tasks = countdown.generate(count: 6, numbers: 3, numberRange: 1...20, seed: 1)
let fails = failures(model, tasks, maxTokens: 6)
print(fails, fails[0].attempt.role, fails[0].attempt.passed, fails[0].kind)  # expect: Dataset(6 countdown tasks) attempt false countdown
print(fails[0].nums == tasks[0].nums)  # expect: true
print(failures(model, tasks, verifier: verifier(fn(t, o) { true })).count)  # expect: 0
print(failures(model, tasks, samples: 3, keep: "any", maxTokens: 4).count)  # expect: 6
