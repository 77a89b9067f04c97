# fit trains in place: on a tiny task the loss falls and greedy sampling then gives the learned completions.
let tok = tokenizer.chars("0123456789+=")
let m = gpt(vocab: tok, layers: 1, dim: 32, heads: 2, context: 16, seed: 1)
let examples = [["prompt": "1+1=", "completion": "2"], ["prompt": "2+2=", "completion": "4"], ["prompt": "3+3=", "completion": "6"]]
let before = logprobs(m, "2+2=", "4")[0]
let run = fit(m, examples, steps: 60, batchSize: 3, lr: 1e-2)
let losses = run.log["loss"]
print(run.steps, run.stopped, losses.count, losses[-1] < losses[0] / 10, run.loss == losses[-1])  # expect: 60 false 60 true true
print(logprobs(m, "2+2=", "4")[0] > before)  # expect: true
print(examples.map(fn(e) { sample(m, e.prompt, maxTokens: 4, temperature: 0).text }))  # expect: ["2", "4", "6"]
