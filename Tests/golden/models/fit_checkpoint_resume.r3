# checkpointEvery writes Hugging Face checkpoints; resuming from one continues bit-identically.
let tok = tokenizer.chars("abc")
let base = gpt(vocab: tok, layers: 1, dim: 8, heads: 2, context: 16, seed: 3)
let data = ["abc", "cab", "bca", "aab", "ccb"]
let whole = base.copy()
fit(whole, data, steps: 6, batchSize: 2)
let dir = "/tmp/r3-golden-models-checkpoints"
let run = fit(base.copy(), data, steps: 6, batchSize: 2, checkpointEvery: 2, checkpointDir: dir, keep: 2)
print(run.checkpoint == dir + "/checkpoint-6", json.parse(readFile(dir + "/checkpoint-4/trainer_state.json")).step)  # expect: true 4
let resumed = base.copy()
let rest = fit(resumed, data, steps: 6, batchSize: 2, resume: dir + "/checkpoint-4")
print(rest.steps, rest.log.steps, logprobs(resumed, "ab", "cab") == logprobs(whole, "ab", "cab"))  # expect: 6 [5, 6] true
print(load(dir + "/checkpoint-6").config == base.config)  # expect: true
