# An untrained model's attempts run to the end of its context, leaving no room for a reflection:
# such a reflection is an empty failed turn, carries no loss, and training goes on.
let tasks = countdown.generate(count: 50, numbers: 3, numberRange: 1...20, seed: 1)
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 64)
let fails = failures(model, tasks)
let run = r3train(model, fails, steps: 30, tasksPerStep: 2, group: 2)
print(run.steps, run.stopped)  # expect: 30 false
