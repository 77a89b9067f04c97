# A verifier that raises an error counts as a failure with its reason; training goes on.
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 64, seed: 1)
let fails = failures(model, countdown.generate(count: 4, numbers: 3, seed: 1), maxTokens: 4)
let broken = verifier(fn(t, o) { error("the checker crashed on \(t.target)") })
let run = r3train(model, fails, steps: 2, group: 2, tasksPerStep: 2, maxTokens: 4, verifier: broken)
print(run.steps, run.log["reward"])  # expect: 2 [0, 0]
print(attempt(model, fails[0], maxTokens: 4, verifier: broken).reason == "the checker crashed on \(fails[0].target)")  # expect: true
