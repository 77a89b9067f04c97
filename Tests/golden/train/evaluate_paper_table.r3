# evaluate gives first-try and second-try accuracy; table of a (vanilla, trained) pair prints the paper's layout.
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 1, dim: 16, heads: 2, context: 64, seed: 1)
let tasks = countdown.generate(count: 4, numbers: 3, numberRange: 1...20, seed: 1)
var calls = 0
# Fails every first attempt, passes every retry (whose prompt ends with "!").
let second = verifier(fn(t, o) { calls += 1; calls > 4 })
let vanilla = evaluate(model, tasks, name: "tiny", maxTokens: 4, verifier: verifier(fn(t, o) { false }))
let trained = evaluate(model, tasks, name: "tiny", maxTokens: 4, verifier: second)
print(vanilla)  # expect: tiny: 1st try 0.0%, 2nd try 0.0% (4 tasks)
print(trained.firstTry, trained.secondTry, trained.count)  # expect: 0 1 4
print(table([vanilla, trained]))
# expect: model  vanilla 1st try  vanilla 2nd try  trained 1st try  trained 2nd try
# expect: -----  ---------------  ---------------  ---------------  ---------------
# expect: tiny               0.0              0.0              0.0            100.0
