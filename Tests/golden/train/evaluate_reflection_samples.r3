# reflectionSamples: n samples n more reflections per failed task, each with a retry; secondTryBestOf(k) is the unbiased pass@k over them.
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 64, seed: 1)
let tasks = countdown.generate(count: 4, numbers: 3, numberRange: 1...20, seed: 1)
var calls = 0
# Calls 1-4 judge the first attempts, 5-8 the greedy retries, 9-12 the retries after the first
# sampled reflections, 13-16 after the second. Task 0 passes after both samples, task 1 after one.
let judge = verifier(fn(t, o) { calls += 1; [9, 13, 14].contains(calls) })
let e = evaluate(model, tasks, name: "tiny", maxTokens: 4, verifier: judge, reflectionSamples: 2)
print(calls, e.firstTry, e.secondTry, e.reflectionSamples)  # expect: 16 0 0 2
print(e.secondTryBestOf(1), e.secondTryBestOf(2))  # expect: 0.375 0.5
print(e)  # expect: tiny: 1st try 0.0%, 2nd try 0.0%, 2nd try with the best of 2 sampled reflections 50.0% (4 tasks)
e.secondTryBestOf(3)  # expect error: Evaluation.secondTryBestOf(): argument 'k' must be from 1 to 2 (the reflections sampled per failed task), got 3
