# %% [markdown]
# # Countdown: the paper's method beside its ablations
#
# The warm-up of notebooks/countdown.r3, then three GRPO runs from the same warmed-up model, with
# the demo's settings (300 steps, lr 2e-5, beta 0.04, dynamic sampling):
# 1. the paper's: reward the reflection tokens only;
# 2. `rewardSpan: "reflection+retry"`: train the retry tokens as well;
# 3. `mode: "plain"`: standard GRPO on first attempts over all the training tasks.
#
# About 7.5 minutes per seed on 2 cores: `r3 notebooks/countdown_ablations.r3 2` uses seed 2.
# The figures over 3 seeds are in docs/reflect-retry-reward.md.

# %% The demo's tasks and warm-up
let seed = args.count > 0 ? number(args[0]) : 1
let tasks = countdown.generate(count: 12000, numbers: 3, numberRange: 1...20, seed: seed)
let [train, test] = tasks.split(0.9)
let model = gpt(vocab: tokenizer.chars(countdown.alphabet), layers: 4, dim: 128, heads: 4, context: 64, seed: seed)
let demos = train.demonstrations() + reflectionDemonstrations(model, train.take(floor(train.count / 2)), seed: seed)
fit(model, demos, steps: 3000, batchSize: 32, lr: 2e-3, seed: seed)
let vanilla = evaluate(model, test)
let fails = failures(model, train)
print(vanilla)

# %% Three GRPO runs from the same model
let variants = [
  ["name": "reflection tokens (the paper)", "tasks": fails, "rewardSpan": "reflection", "mode": "reflect"],
  ["name": "reflection and retry tokens", "tasks": fails, "rewardSpan": "reflection+retry", "mode": "reflect"],
  ["name": "plain GRPO on first attempts", "tasks": train, "rewardSpan": "reflection", "mode": "plain"],
]
var rows = []
for v in variants {
  let run = r3train(model, v.tasks, steps: 300, lr: 2e-5, beta: 0.04, dynamicSampling: true,
                    rewardSpan: v.rewardSpan, mode: v.mode, seed: seed)
  let e = evaluate(run.model, test)
  rows.append([
    "variant": v.name,
    "1st try": format("%.1f", 100 * e.firstTry),
    "2nd try": format("%.1f", 100 * e.secondTry),
    "2nd try gain": format("%+.1f", 100 * (e.secondTry - vanilla.secondTry)),
    "1st try change": format("%+.1f", 100 * (e.firstTry - vanilla.firstTry)),
    "reward (last 50 steps)": format("%.3f", run.log.mean("reward", last: 50)),
  ])
}
table(rows)
