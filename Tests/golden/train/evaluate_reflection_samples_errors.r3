# Sampled reflections need a count in range, a positive temperature, and an evaluation that sampled them.
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 64, seed: 1)
let tasks = countdown.generate(count: 2, numbers: 3, numberRange: 1...20, seed: 1)
let e = evaluate(model, tasks, maxTokens: 2)
try { e.secondTryBestOf(1) } catch err { print(err) }  # expect: Evaluation.secondTryBestOf(): this evaluation sampled no reflections: pass reflectionSamples: n to evaluate
try { evaluate(model, tasks, reflectionSamples: -1) } catch err { print(err) }  # expect: evaluate(): argument 'reflectionSamples' must be a whole number from 0 to 1024, got -1
evaluate(model, tasks, reflectionSamples: 2, reflectionTemperature: 0)  # expect error: evaluate(): argument 'reflectionTemperature' must be a number > 0 (sampled reflections), got 0
