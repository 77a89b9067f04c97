# An empty failure set is a clear error, not a silent no-op.
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 64)
let tasks = countdown.generate(count: 4, numbers: 3, seed: 1)
r3train(model, failures(model, tasks, verifier: verifier(fn(t, o) { true })))  # expect error: r3train(): there are no failed tasks to train on: the model passes every task on the first try
