# Figure options are checked and each mistake named.
plotOutput(dir: "/tmp/r3-golden-plot/options")
plot([1, 10, 100], title: "log", xlabel: "step", ylabel: "loss", logscale: "y", xrange: [0, nil], yrange: [1, 1000], grid: true, smooth: 0.5)
# expect: plot saved to /tmp/r3-golden-plot/options/plot-1.png (800x500)
try { plot([1, 2], style: "bars") } catch e { print(e) }  # expect: plot(): style: must be "lines", "points" or "linespoints", got "bars"
try { plot([1, 2], smooth: 1) } catch e { print(e) }  # expect: plot(): smooth: must be in [0, 1) (e.g. 0.9, the EMA weight), got 1
try { plot([1, 2], logscale: "z") } catch e { print(e) }  # expect: plot(): logscale: must be "x", "y", "xy", "none" or true (y), got "z"
try { plot([1, 2], xrange: [5]) } catch e { print(e) }  # expect: plot(): xrange: must be [lower, upper] (nil for an open end, e.g. [0, nil]), got [5]
try { plot([1, 2], yrange: [2, 1]) } catch e { print(e) }  # expect: plot(): yrange: the lower bound 2 must be below the upper 1
try { plot([1, 2], [1, 2, 3]) } catch e { print(e) }  # expect: plot(): x has 2 values but y has 3: they must have the same length
try { plot([1, "a"]) } catch e { print(e) }  # expect: plot(): y must be a list of numbers; item 1 is a string
try { plot([1, 2], label: 3) } catch e { print(e) }  # expect: plot(): label: must be a string or a list of strings, got number
try { plot([[1, 2], [3, 4]], label: "one") } catch e { print(e) }  # expect: plot(): label: got 1 label for 2 series
plot("text")  # expect error: plot(): y must be a list of numbers (or a list of such lists, a range, a tensor), got string
