# Options are checked by name before anything runs.
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 64)
let fails = failures(model, countdown.generate(count: 2, numbers: 3, seed: 1), maxTokens: 4)
try { r3train(model, fails, loss: "mean") } catch e { print(e) }  # expect: r3train(): argument 'loss' must be "token" or "sequence", got "mean"
try { r3train(model, fails, group: 1) } catch e { print(e) }  # expect: r3train(): argument 'group' must be at least 2 (advantages compare the members of a group), got 1
try { r3train(model, fails, rewardSpan: "retry") } catch e { print(e) }  # expect: r3train(): argument 'rewardSpan' must be "reflection" or "reflection+retry", got "retry"
r3train(model, fails, checkpointEvery: 5)  # expect error: r3train(): checkpointEvery: 5 needs a checkpointDir
