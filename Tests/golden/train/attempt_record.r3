# attempt returns a Turn: the text, the sampled tokens with one log-prob each, and the verdict.
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 32, seed: 1)
let task = countdown.task([44, 19, 35], 98)
let a = attempt(model, task, maxTokens: 6)
print(a.role, a.tokens.count == a.logprobs.count, a.tokens.count <= 6, a.passed)  # expect: attempt true true false
print(a.contextLength == prompt(task).count, a.reason != nil, a.logprobs.filter(fn(p) { p > 0 }).count)  # expect: true true 0
print(attempt(model, task, maxTokens: 6).text == a.text)  # expect: true
