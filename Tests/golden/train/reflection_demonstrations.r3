# Warm-up records in the model's episode layout: the prompt holds the task, a wrong attempt and "?"; the trained completion the steps, "!" and the answer.
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 64)
let demos = reflectionDemonstrations(model, [countdown.task([4, 6, 5], 34)], seed: 1)
print(demos.count, demos[0].prompt.hasPrefix("4 6 5>34:"), demos[0].prompt.hasSuffix("\n?"))  # expect: 1 true true
print(demos[0].completion)
# expect: 6*5=30 4+30=34
# expect: !4+6*5
# expect:
