# fit returns a record whose log has one row per step with TRL's metric names.
let m = gpt(vocab: tokenizer.chars("ab"), layers: 1, dim: 8, heads: 2, context: 16)
let run = fit(m, [["prompt": "a", "completion": "b"], "abab", ["prompt": "", "completion": "ba"]], steps: 4, batchSize: 2, warmup: 2, lr: 0.01)
print(run.keys, run.steps, run.stopped, run.checkpoint, run.dropped)
# expect: ["log", "steps", "stopped", "checkpoint", "dropped", "loss"] 4 false nil 0
print(run.log, run.log.columns, run.log.steps)
# expect: <Metrics: 4 steps; loss, learning_rate, grad_norm, num_tokens, tokens_per_second> ["loss", "learning_rate", "grad_norm", "num_tokens", "tokens_per_second"] [1, 2, 3, 4]
# Linear warmup over 2 steps to 0.01, then cosine decay to 10% of it.
print(run.log["learning_rate"].map(fn(x) { round(x, digits: 6) }))  # expect: [0.005, 0.01, 0.0055, 0.001]
# num_tokens counts the tokens trained on so far, as TRL does.
let tokens = run.log["num_tokens"]
print(tokens == tokens.sorted(), tokens[0] > 0, run.log["grad_norm"].allSatisfy(fn(x) { x > 0 }), run.log["tokens_per_second"].allSatisfy(fn(x) { x > 0 }))
# expect: true true true true
