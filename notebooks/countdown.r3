# %% [markdown]
# # Reflect, Retry, Reward on Countdown
#
# The method of "Reflect, Retry, Reward: Self-Improving LLMs via Reinforcement Learning"
# (arXiv 2505.24726), end to end on two CPU cores:
#
# 1. generate Countdown tasks (combine three numbers with + - * / to reach a target);
# 2. build a small Llama-architecture model from scratch, on characters;
# 3. warm it up on demonstrations: first tries, and the reflect / retry format;
# 4. mine the training tasks it fails on the first try;
# 5. train with GRPO on the reflection tokens only, rewarded by the retry's verdict;
# 6. compare first-try and second-try accuracy on held-out tasks, before and after.
#
# `scripts/run notebooks/countdown.r3` runs it; `r3 notebook notebooks/countdown.r3 -o out.md`
# renders it with its outputs and plots. `args` picks the seed: `r3 notebooks/countdown.r3 2`.
#
# At this scale expect a small gain (about +2 points on the second try, the first try within about
# a point of where it was); the figures over 3 seeds and the reasons are in docs/reflect-retry-reward.md.

# %% Tasks
let seed = args.count > 0 ? number(args[0]) : 1
let tasks = countdown.generate(count: 12000, numbers: 3, numberRange: 1...20, seed: seed)
let [train, test] = tasks.split(0.9)
print(train.count, "training tasks,", test.count, "held out; for example", test[0], "->", countdown.solve(test[0]))

# %% A small model, trained from scratch
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 4, dim: 128, heads: 4, context: 64, seed: seed)
print(model)

# %% [markdown]
# ## Warm-up
#
# Supervised fine-tuning on two kinds of demonstrations. First tries are the prompt and a
# solution: `44 19 35>98:` then `44+19+35`. Reflect / retry episodes are the prompt, a wrong
# attempt and the reflection prompt `?`, then (trained) a reflection that works a solution out
# step by step, the retry prompt `!` and the solution. The wrong attempt is never trained on.

# %% Warm-up
let demos = train.demonstrations() + reflectionDemonstrations(model, train.take(floor(train.count / 2)), seed: seed)
print(demos.count, "demonstrations, e.g.", repr(demos[-1].prompt), "->", repr(demos[-1].completion))
let warm = fit(model, demos, steps: 3000, batchSize: 32, lr: 2e-3, seed: seed)
plot(warm.log, "loss", smooth: 0.9, title: "warm-up loss", logscale: "y")

# %% One episode by hand
let t = test[1]
let a = attempt(model, t)
print(t, "first try:", repr(a.text), a.passed ? "passed" : "failed: " + a.reason)
if !a.passed {
  let r = reflect(model, t, a)
  let b = retry(model, t, a, r)
  print("reflection:", repr(r.text), "retry:", repr(b.text), b.passed ? "passed" : "failed: " + b.reason)
}

# %% [markdown]
# ## The vanilla model, and its failures
#
# `evaluate` makes two attempts per task: the first plainly, the second after the model's own
# reflection on its failed first attempt. With `reflectionSamples: 8` it also samples 8
# reflections per failed task, each with its own retry, as a GRPO group does: the second try
# with the best of them is the headroom GRPO has. `failures` keeps the training tasks the model
# fails (greedy), each with its failed attempt: the GRPO prompts.

# %% Vanilla evaluation and failure mining
let vanilla = evaluate(model, test, reflectionSamples: 8)
print(vanilla)
let fails = failures(model, train)
print(fails.count, "of", train.count, "training tasks failed on the first try")

# %% [markdown]
# ## Reflect, Retry, Reward
#
# Each step: 8 failed tasks, 8 reflections after each failed attempt, a greedy retry after each
# reflection. The reward is the retry's verdict; the loss (clipped ratio, group-relative
# advantages, KL to the vanilla model with beta 0.04) trains the reflection tokens only.
# Dynamic sampling replaces groups whose 8 rewards are all equal.

# %% Training
let run = r3train(model, fails, steps: 300, lr: 2e-5, beta: 0.04, dynamicSampling: true, evalTasks: test.take(200), evalEvery: 50, seed: seed)
plot(run.log, ["reward", "frac_reward_zero_std"], smooth: 0.9, title: "reward (retry pass rate on failed tasks) and groups without signal")
plot(run.log, ["eval/first_try", "eval/second_try"], style: "linespoints", title: "held-out accuracy during training")

# %% The paper's table
let trained = evaluate(run.model, test, reflectionSamples: 8)
print(table([vanilla, trained]))
print("second try with the best of 8 sampled reflections: \(format("%.1f", 100 * vanilla.secondTryBestOf(8)))% before, \(format("%.1f", 100 * trained.secondTryBestOf(8)))% after")
print("second try: \(format("%+.1f", 100 * (trained.secondTry - vanilla.secondTry))) points; first try: \(format("%+.1f", 100 * (trained.firstTry - vanilla.firstTry))) points")
