# A run resumed from a checkpoint continues with the same numbers as an uninterrupted run.
let dir = "/tmp/r3-golden-train-resume"
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 64, seed: 1)
let fails = failures(model, countdown.generate(count: 6, numbers: 3, numberRange: 1...20, seed: 1), maxTokens: 5)
let odd = verifier(fn(t, o) { o.count % 2 == 1 })
fn go(every = 0, resume = nil) {
  r3train(model, fails, steps: 4, group: 4, tasksPerStep: 2, maxTokens: 5, retryTemperature: 1, lr: 1e-3, verifier: odd,
          checkpointEvery: every, checkpointDir: every > 0 ? dir : nil, resume: resume, seed: 5)
}
let whole = go()
let saved = go(every: 2)
print(saved.checkpoint == dir + "/checkpoint-4", json.parse(readFile(dir + "/checkpoint-2/trainer_state.json")).step)  # expect: true 2
let rest = go(resume: dir + "/checkpoint-2")
print(rest.log["loss"] == whole.log["loss"], rest.log["reward"] == whole.log["reward"], rest.log.count)  # expect: true true 4
let probe = countdown.task([44, 19, 35], 98)
print(logprobs(rest.model, prompt(probe), "44") == logprobs(whole.model, prompt(probe), "44"))  # expect: true
