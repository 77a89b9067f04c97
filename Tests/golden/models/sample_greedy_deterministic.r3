# temperature: 0 is greedy: the same text every time, whatever the seed; a batch gives each prompt's own result.
let m = gpt(vocab: tokenizer.chars("0123456789+-*/= "), layers: 1, dim: 16, heads: 2, context: 32, seed: 5)
let a = sample(m, "12+3", maxTokens: 8, temperature: 0)
let b = sample(m, "12+3", maxTokens: 8, temperature: 0, seed: 99)
print(a.tokens == b.tokens, a.text == b.text, a.tokens.count, a.finishReason)  # expect: true true 8 length
let batch = sample(m, ["12+3", "7*8=", "1"], maxTokens: 8, temperature: 0)
print(batch.count, batch[0].tokens == a.tokens, batch[1].tokens == sample(m, "7*8=", maxTokens: 8, temperature: 0).tokens)  # expect: 3 true true
print(batch[2].tokens == sample(m, "1", maxTokens: 8, temperature: 0).tokens)  # expect: true
print(generate(m, "12+3", maxTokens: 8, temperature: 0) == a)  # expect: true
