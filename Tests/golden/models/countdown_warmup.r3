# LANGUAGE.md's domain example up to fit and plot, at a size that runs in a moment.
plotOutput(dir: "/tmp/r3-golden-models-plot")
let tasks = countdown.generate(count: 40, numbers: 3, seed: 1)
let [train, test] = tasks.split(0.9)
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 32, heads: 2)
let warm = fit(model, train.demonstrations(), steps: 5)
plot(warm.log, "loss")  # expect: plot saved to /tmp/r3-golden-models-plot/plot-1.png (800x500)
print(warm.steps, warm.log.count, warm.loss == warm.log.last.loss)  # expect: 5 5 true
print(sample(model, prompt(test[0]), maxTokens: 8, temperature: 0).promptTokens.count == prompt(test[0]).count)  # expect: true
