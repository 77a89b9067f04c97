# Sampling draws from a generator seeded with `seed`: the same seed gives the same samples.
let m = gpt(vocab: tokenizer.chars("abcdefgh"), layers: 1, dim: 16, heads: 2, context: 64, seed: 2)
let a = sample(m, "abc", maxTokens: 20, seed: 7, stopAtEOS: false)
let b = sample(m, "abc", maxTokens: 20, seed: 7, stopAtEOS: false)
let c = sample(m, "abc", maxTokens: 20, seed: 8, stopAtEOS: false)
print(a.tokens == b.tokens, a.text == b.text, a.tokens == c.tokens, a.tokens.count, a.finishReason)  # expect: true true false 20 length
# topK: 1 keeps only the most likely token: greedy.
let k = sample(m, "abc", maxTokens: 20, seed: 7, topK: 1, stopAtEOS: false)
print(k.tokens == sample(m, "abc", maxTokens: 20, temperature: 0, stopAtEOS: false).tokens)  # expect: true
let p = sample(m, ["abc", "abc"], maxTokens: 10, seed: 1, topP: 0.5, temperature: 0.7, stopAtEOS: false)
print(p[0].tokens.count, p[1].tokens.count, p == sample(m, ["abc", "abc"], maxTokens: 10, seed: 1, topP: 0.5, temperature: 0.7, stopAtEOS: false))  # expect: 10 10 true
