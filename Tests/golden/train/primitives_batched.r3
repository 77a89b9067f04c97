# The primitives take lists of tasks and sample them as one batch.
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 64, seed: 2)
let tasks = countdown.generate(count: 3, numbers: 3, numberRange: 1...20, seed: 1)
let a = attempt(model, tasks, maxTokens: 4)
let r = reflect(model, tasks, a, maxTokens: 4)
let b = retry(model, tasks, a, r, maxTokens: 4)
print(a.count, r.count, b.count, b.map(fn(t) { t.role }))  # expect: 3 3 3 ["retry", "retry", "retry"]
print(attempt(model, tasks[1], maxTokens: 4).text == a[1].text)  # expect: true
