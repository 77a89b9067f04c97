# model.copy() has its own weights: training the copy leaves the original unchanged.
let m = gpt(vocab: tokenizer.chars("ab"), layers: 1, dim: 8, heads: 2, context: 16)
let before = logprobs(m, "ab", "ab")
let c = m.copy()
print(c, logprobs(c, "ab", "ab") == before)  # expect: Model(llama, 1.1K parameters: 1 layer, dim 8, 2 heads, context 16, vocab 3) true
fit(c, ["abab", "baba"], steps: 3, batchSize: 2)
print(logprobs(m, "ab", "ab") == before, logprobs(c, "ab", "ab") == before)  # expect: true false
