# live: [] turns the live curves off, as does live: nil; a wrong item is still an error.
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 64, seed: 1)
let fails = failures(model, countdown.generate(count: 4, numbers: 3, numberRange: 1...20, seed: 1), maxTokens: 4)
print(r3train(model, fails, steps: 1, group: 2, tasksPerStep: 1, maxTokens: 4, live: []).steps)  # expect: 1
print(r3train(model, fails, steps: 1, group: 2, tasksPerStep: 1, maxTokens: 4, live: nil).steps)  # expect: 1
r3train(model, fails, steps: 1, group: 2, tasksPerStep: 1, maxTokens: 4, live: [1])  # expect error: r3train(): argument 'live' must be a column name or a list of names; item 0 is a number
