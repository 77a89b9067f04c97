# %% [markdown]
# # A two-minute tour of r3
#
# r3 is a small scripting language (Swift's syntax, Python's data model) whose library holds
# tensors, language models, tasks with verifiers and the reflect / retry / reward trainer.
# This file is a notebook: `r3 notebooks/tour.r3` runs it as a script, and
# `r3 notebook notebooks/tour.r3` renders it to Markdown with its outputs.

# %% Values and interpolation
let name = "world"
let x = 1 + 2 * 3
print("hello \(name), x = \(x)")
print(7, 2.5, 1e-5, [1, "two", nil], ["lr": 0.001])

# %% Functions, defaults, named arguments and closures
fn scale(v, by = 2) { v * by }
print(scale(3), scale(3, by: 10))

fn counter() {
  var c = 0
  return fn() { c += 1; return c }
}
let next = counter()
next()
print("counter:", next())

# %% Lists, dictionaries and ranges
let xs = [3, 1, 2]
print(xs.sorted(), xs.map(fn(v) { v * v }), xs.filter(fn(v) { v > 1 }).count)
let cfg = ["lr": 0.001, "steps": 100]
print(cfg.lr, cfg["steps"], cfg.keys)
var total = 0
for i in 1...10 { total += i }
print("1 + ... + 10 =", total)
let [first, second] = [xs[0], xs[1]]
print(first, second, xs[1..<3], xs[-1])

# %% Errors are values you can catch
try {
  let empty = []
  print(empty[0])
} catch e {
  print("caught:", e)
}

# %% A taste of the domain: Countdown tasks and their verifier
let tasks = countdown.generate(count: 3, numbers: 3, seed: 1)
for t in tasks {
  let answer = countdown.solve(t)
  print(t, "->", answer, countdown.verify(t, answer).passed)
}
print(countdown.verify(tasks[0], "1 + 1").reason)

# %% A metrics log and a plot (drawn in the terminal, or saved to a PNG elsewhere)
let m = metrics()
for step in 1...50 { m.add(step, ["loss": 2 / sqrt(step)]) }
print("mean of the last 10 losses:", round(m.mean("loss", last: 10), digits: 3))
plot(m, "loss", title: "a falling curve", smooth: 0.6)
