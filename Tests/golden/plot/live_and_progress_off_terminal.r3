# live plots and progress bars draw only on a terminal: with captured output they draw nothing.
let m = metrics()
let lp = live(m, ["loss"], every: 2)
let bar = progress(total: 4, label: "steps")
for step in 1...4 { m.add(step, ["loss": 1 / step]); bar.advance(["loss": 1 / step]) }
bar.finish()
print(lp.frames, bar.count, bar.total, bar)  # expect: 0 4 4 <Progress steps 4/4>
let other = live(m, ["loss", "kl"])
other.finish()  # expect error: LivePlot.finish(): unknown series 'kl'; known: loss
