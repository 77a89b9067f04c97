# An empty series is an error that names it; nothing is drawn.
plotOutput(dir: "/tmp/r3-golden-plot/empty")
try { plot([1, 2], []) } catch e { print(e) }  # expect: plot(): y is empty: nothing to plot
try { plot([[1, 2], []]) } catch e { print(e) }  # expect: plot(): y[1] is empty: nothing to plot
try { hist([]) } catch e { print(e) }  # expect: hist(): values is empty: nothing to plot
let m = metrics()
m.add(1, ["loss": 1])
m.add(2, ["kl": 0.1])
try { plot(metrics(), "loss") } catch e { print(e) }  # expect: plot(): unknown series 'loss'; the log is empty
plot([])  # expect error: plot(): y is empty: nothing to plot
