# reflect takes the Turn that attempt returned, not its text.
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 64)
let task = countdown.task([44, 19, 35], 98)
reflect(model, task, "44+19+35")  # expect error: reflect(): argument 'attempt' must be a Turn returned by attempt, got string
