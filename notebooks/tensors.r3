# %% [markdown]
# # Tensors: an MLP on two spirals
#
# A small multilayer perceptron written in the language with tensors, `@`, `tanh`/`relu`,
# `crossEntropy` and `adamw`, trained full-batch on two interleaved spirals. Everything random
# comes from seeded generators, so every run prints the same numbers.
#
# Run it as a script with `r3 notebooks/tensors.r3`, or as a notebook with
# `r3 notebook notebooks/tensors.r3` (writes `notebooks/tensors.md` with the figures).

# %% [markdown]
# ## The data
#
# 200 points per class along two spirals of two turns each, the second turned by π, with
# Gaussian noise (std 0.06). Points are built with the language's own `sin`/`cos`, then made a tensor.

# %%
let perClass = 200
let noise = randn([2 * perClass, 2], seed: 7, std: 0.06).list()
var points = []
var labels = []
for k in 0..<2 {
  for i in 0..<perClass {
    let r = 0.1 + 0.9 * i / perClass
    let angle = 4 * pi * r + k * pi
    let e = noise[k * perClass + i]
    points.append([r * cos(angle) + e[0], r * sin(angle) + e[1]])
    labels.append(k)
  }
}
let x = tensor(points)      # [400, 2]
let y = tensor(labels)      # [400], class indices 0 and 1
print(x.shape, y.shape)
print(x[0..<3])

# %% [markdown]
# ## The model
#
# Two hidden layers of 64 units: `tanh`, then `relu`, then the logits of the two classes.
# Weights start as scaled normals (`std` 1/√fan-in), biases at zero; `grad: true` makes them
# parameters.

# %%
let hidden = 64
let w1 = randn([2, hidden], seed: 1, std: 1, grad: true)
let b1 = zeros([hidden], grad: true)
let w2 = randn([hidden, hidden], seed: 2, std: 1 / sqrt(hidden), grad: true)
let b2 = zeros([hidden], grad: true)
let w3 = randn([hidden, 2], seed: 3, std: 1 / sqrt(hidden), grad: true)
let b3 = zeros([2], grad: true)
let params = ["w1": w1, "b1": b1, "w2": w2, "b2": b2, "w3": w3, "b3": b3]

fn logits(input) {
  let h1 = (input @ w1 + b1).tanh()       # [N, 64]
  let h2 = (h1 @ w2 + b2).relu()          # [N, 64]
  return h2 @ w3 + b3                     # [N, 2]
}
fn accuracy() { noGrad(fn() { (logits(x).argmax(axis: 1) == y).mean().item() }) }
print("parameters:", params.values.map(fn(p) { p.count }).sum())
print(format("accuracy before training: %.3f", accuracy()))

# %% [markdown]
# ## Training
#
# AdamW with weight decay 1e-4 on a cosine schedule (warmup over 50 steps), the loss logged to a
# metrics log every step.

# %%
let steps = 1000
let opt = adamw(params, lr: 0.02, weightDecay: 1e-4,
                schedule: schedule.cosine(lr: 0.02, totalSteps: steps, warmupSteps: 50, minLR: 0.001))
let log = metrics()
for step in 1...steps {
  opt.zeroGrad()
  let loss = logits(x).crossEntropy(y)
  loss.backward()
  opt.step(loss: loss)
  log.add(step, ["loss": loss.item(), "lr": opt.lr])
  if step % 100 == 0 {
    let acc = accuracy()
    log.add(step, ["accuracy": acc])
    print(format("step %4d  loss %.4f  accuracy %.3f", step, loss.item(), acc))
  }
}

# %% [markdown]
# ## Results

# %%
let final = accuracy()
print(format("training accuracy: %.3f", final))
assert(final > 0.95, "the MLP should fit the spirals (accuracy \(final))")
plot(log, "loss", logscale: "y", title: "training loss")

# %%
plot(log, "accuracy", style: "linespoints", title: "training accuracy", yrange: [0, 1])
