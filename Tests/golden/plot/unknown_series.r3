# Plotting a column the log does not have lists the ones it has and suggests the nearest.
plotOutput(dir: "/tmp/r3-golden-plot/unknown")
let m = metrics()
m.add(1, ["loss": 1.5, "reward": 0.25])
plot(m, "rewrad")  # expect error: plot(): unknown series 'rewrad' (did you mean 'reward'?); known: loss, reward
