# The KL reference must have the policy's architecture.
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 64)
let other = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 2, dim: 16, heads: 2, context: 64)
let fails = failures(model, countdown.generate(count: 2, numbers: 3, seed: 1), maxTokens: 4)
r3train(model, fails, reference: other, steps: 1)  # expect error: r3train(): the reference model's architecture differs from the policy's
