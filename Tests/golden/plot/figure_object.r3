# A figure object collects series from several calls and is drawn or saved when asked.
plotOutput(dir: "/tmp/r3-golden-plot/figure")
let m = metrics()
for step in 1...10 { m.add(step, ["loss": 1 / step, "reward": step / 10]) }
let f = figure(title: "run", grid: true)
f.plot(m, "loss")
f.plot(m, "reward", smooth: 0.5)
f.plot([1, 10], [0.5, 0.5], label: "baseline", style: "points")
print(f, f.series, f.xlabel, f.grid)  # expect: <Figure "run": 3 series (loss, reward, baseline)> ["loss", "reward", "baseline"] step true
f.title = "renamed"
f.yrange = [0, nil]
print(f.title, f.yrange)  # expect: renamed [0, nil]
f.show()  # expect: plot saved to /tmp/r3-golden-plot/figure/plot-1.png (800x500)
f.savefig("/tmp/r3-golden-plot/figure/run.svg")
print(readFile("/tmp/r3-golden-plot/figure/run.svg").contains("renamed"))  # expect: true
f.colour = "red"  # expect error: cannot set 'colour' on a Figure; its settable properties are title, xlabel, ylabel, logscale, xrange, yrange, grid
