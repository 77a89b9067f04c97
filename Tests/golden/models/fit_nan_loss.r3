# A loss that is not finite stops fit with an error naming the step, before the weights change.
let m = gpt(vocab: tokenizer.chars("ab"), layers: 1, dim: 8, heads: 2, context: 16)
fit(m, ["abab", "baba", "aabb"], steps: 20, batchSize: 3, lr: 1e38, warmup: 0, weightDecay: 0)  # expect error: fit(): the loss is not finite at step 2; training stopped before updating the weights
