# reflect and retry continue the same token sequence: the attempt, "?" then the reflection, "!" then the retry.
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 64, seed: 1)
let task = countdown.task([44, 19, 35], 98)
let a = attempt(model, task, maxTokens: 5)
let r = reflect(model, task, a, maxTokens: 5, temperature: 1, seed: 3)
let b = retry(model, task, a, r, maxTokens: 5)
fn closing(turn) { turn.finishReason == "length" ? 1 : 0 }
print(r.role, r.passed, r.reason)  # expect: reflection false nil
print(r.contextLength == a.contextLength + a.tokens.count + closing(a) + 1)  # expect: true
print(b.contextLength == r.contextLength + r.tokens.count + closing(r) + 1, b.role)  # expect: true retry
