# A retry needs the reflection written after this very attempt.
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 64, seed: 1)
let t1 = countdown.task([44, 19, 35], 98)
let t2 = countdown.task([3, 5, 7], 22)
let a1 = attempt(model, t1, maxTokens: 4)
let a2 = attempt(model, t2, maxTokens: 4)
let r2 = reflect(model, t2, a2, maxTokens: 4)
retry(model, t1, a1, r2)  # expect error: retry(): reflection does not follow this attempt
