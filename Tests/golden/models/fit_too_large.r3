# A batch whose activations would not fit in memory is an error before training starts.
let m = gpt(vocab: tokenizer.chars("ab"), layers: 1, dim: 8, heads: 2, context: 16)
fit(m, ["ab"], batchSize: 100000000)  # expect error: fit(): training with batchSize 100000000 x 16 tokens would need
# expect error: over the memory limit of
