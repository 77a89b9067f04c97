# %% [markdown]
# # Reflect, Retry, Reward on function calling
#
# The paper's APIGen task at laptop scale: a query, the tools on offer (with typed parameters) and
# the expected calls, answered as a JSON list of `{"name", "arguments"}`. The verifier parses the
# answer and compares it with the expected calls as a multiset (numbers, key order and string
# whitespace normalised), rejecting tools that are not offered and missing required arguments.
#
# As in notebooks/countdown.r3: a small character-level model is warmed up on demonstrations
# (first tries, and the reflect / retry format, whose reflections name the tools to call), its
# failures are mined, and GRPO trains the reflection tokens only, rewarded by the retry's verdict.
# `r3 notebooks/function_calling.r3 2` runs with seed 2.

# %% Tasks
let seed = args.count > 0 ? number(args[0]) : 1
let tasks = functionCalling.generate(count: 6000, seed: seed, maxCalls: 1, distractors: [0, 1])
let [train, test] = tasks.split(0.95)
let demos = train.demonstrations()
print(train.count, "training tasks,", test.count, "held out. A prompt and its answer:")
print(demos[0].prompt + demos[0].completion)

# %% A small model on characters
# The context holds a whole episode: tools, query, failed attempt, reflection and retry (up to about
# 620 characters here; a retry cut off by the context end fails).
let text = demos.map(fn(d) { d.prompt + d.completion }).join("") + test.prompts().join("") + "?!\n"
let model = gpt(vocab: tokenizer.chars(text), layers: 4, dim: 128, heads: 4, context: 768, seed: seed)
print(model)

# %% Warm-up on first tries and reflect / retry episodes
let warmup = demos + reflectionDemonstrations(model, train.take(floor(train.count / 2)), seed: seed)
let warm = fit(model, warmup, steps: 1200, batchSize: 16, lr: 2e-3, seed: seed)
plot(warm.log, "loss", smooth: 0.9, title: "warm-up loss", logscale: "y")

# %% One episode by hand
let t = test[0]
let a = attempt(model, t, maxTokens: 160)
print(t.query)
print("first try:", a.text, "->", a.passed ? "passed" : a.reason)
if !a.passed {
  let r = reflect(model, t, a, maxTokens: 120)
  let b = retry(model, t, a, r, maxTokens: 160)
  print("reflection:", r.text)
  print("retry:", b.text, "->", b.passed ? "passed" : b.reason)
}

# %% Vanilla evaluation and failure mining
let vanilla = evaluate(model, test, maxTokens: 160)
print(vanilla)
let fails = failures(model, train, maxTokens: 160)
print(fails.count, "of", train.count, "training tasks failed on the first try")

# %% Reflect, Retry, Reward
let run = r3train(model, fails, steps: 80, lr: 2e-5, beta: 0.04, maxTokens: 160, dynamicSampling: true,
                  evalTasks: test.take(60), evalEvery: 40, seed: seed)
plot(run.log, ["reward", "frac_reward_zero_std"], smooth: 0.9, title: "reward (retry pass rate on failed tasks) and groups without signal")
plot(run.log, ["eval/first_try", "eval/second_try"], style: "linespoints", title: "held-out accuracy during training")

# %% The paper's table
let trained = evaluate(run.model, test, maxTokens: 160)
print(table([vanilla, trained]))
print("second try: \(format("%+.1f", 100 * (trained.secondTry - vanilla.secondTry))) points; first try: \(format("%+.1f", 100 * (trained.firstTry - vanilla.firstTry))) points")
