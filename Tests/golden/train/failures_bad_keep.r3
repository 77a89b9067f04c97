# The failure rule is checked by name.
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 64)
failures(model, countdown.generate(count: 2, numbers: 3, seed: 1), keep: "most")  # expect error: failures(): argument 'keep' must be "all" (every sample failed) or "any" (some sample failed), got "most"
