# NaN and inf are left out and counted; the plot is still drawn.
plotOutput(dir: "/tmp/r3-golden-plot/nan")
plot([1, nan, 3, inf, 5])
# expect: plot saved to /tmp/r3-golden-plot/nan/plot-1.png (800x500)
# expect: warning: series 'series 1': skipped 2 NaN/inf values
plot([1, 2, 3], [nan, 2, 3], label: "reward")
# expect: plot saved to /tmp/r3-golden-plot/nan/plot-2.png (800x500)
# expect: warning: series 'reward': skipped 1 NaN/inf value
plot([nan, inf])  # expect error: series 'series 1' has no plottable values (all 2 were NaN, inf, or not positive on a log axis)
