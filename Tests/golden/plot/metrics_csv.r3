# A metrics log survives a CSV round trip; a malformed file names its line.
let m = metrics()
m.add(1, ["loss": 1.25, "reward": 0.5])
m.add(2, ["loss": nan, "completions/mean_length": 12])
m.toCSV("/tmp/r3-golden-plot-metrics.csv")
print(readFile("/tmp/r3-golden-plot-metrics.csv"))
# expect: step,loss,reward,completions/mean_length
# expect: 1,1.25,0.5,
# expect: 2,nan,,12
# expect:
let back = metrics(csv: "/tmp/r3-golden-plot-metrics.csv")
print(back.columns, back.count, back["reward"], back.last)  # expect: ["loss", "reward", "completions/mean_length"] 2 [0.5] ["step": 2, "loss": nan, "completions/mean_length": 12]
print(back.toCSV() == m.toCSV())  # expect: true
writeFile("/tmp/r3-golden-plot-bad.csv", "step,loss\n1,0.5\n2,abc\n")
metrics(csv: "/tmp/r3-golden-plot-bad.csv")  # expect error: metrics(): /tmp/r3-golden-plot-bad.csv:3: column 'loss': 'abc' is not a number
