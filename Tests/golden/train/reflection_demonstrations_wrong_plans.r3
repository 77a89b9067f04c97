# With wrongPlans, a compact Countdown reflection may first work out plans that miss the target (with their true results), then the plan the retry writes.
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 128)
let demos = reflectionDemonstrations(model, (0..<40).map(fn(i) { countdown.task([4, 6, 5], 34) }), seed: 1, wrongPlans: 2)
let steps = demos.map(fn(d) { d.completion.split("\n")[0].split(" ").count })
print(steps.contains(2), steps.contains(4), steps.contains(6), steps.contains(8))  # expect: true true true false
print(demos.allSatisfy(fn(d) { d.completion.split("\n")[0].hasSuffix("=34") && d.completion.hasSuffix("\n") }))  # expect: true
reflectionDemonstrations(model, [countdown.task([4, 6, 5], 34)], wrongPlans: 9)  # expect error: reflectionDemonstrations(): argument 'wrongPlans' must be a whole number from 0 to 8, got 9
