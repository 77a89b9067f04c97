# r3train trains a copy and returns the run: the model, the log with TRL's metric names, the step count.
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 64, seed: 1)
let tasks = countdown.generate(count: 8, numbers: 3, numberRange: 1...20, seed: 1)
let fails = failures(model, tasks, maxTokens: 6)
let odd = verifier(fn(t, o) { o.count % 2 == 1 })
let run = r3train(model, fails, steps: 2, group: 4, tasksPerStep: 2, maxTokens: 6, retryTemperature: 1, lr: 1e-3, verifier: odd)
print(run, run.steps, run.stopped, run.checkpoint)  # expect: <TrainingRun: 2 steps on 8 tasks> 2 false nil
print(["reward", "reward_std", "frac_reward_zero_std", "retry_accuracy", "kl", "entropy", "loss", "clip_ratio/region_mean", "reflection/mean_length"].filter(fn(c) { !run.log.columns.contains(c) }))  # expect: []
let probe = countdown.task([44, 19, 35], 98)
print(logprobs(run.model, prompt(probe), "44") != logprobs(model, prompt(probe), "44"))  # expect: true
