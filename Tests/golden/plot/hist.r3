# hist draws a histogram; bins are checked.
plotOutput(dir: "/tmp/r3-golden-plot/hist")
hist([1, 2, 2, 3, 3, 3, nan], bins: 3, title: "counts")
# expect: plot saved to /tmp/r3-golden-plot/hist/plot-1.png (800x500)
# expect: warning: series 'series 1': skipped 1 NaN/inf value
let f = figure(title: "two histograms")
f.hist([1, 1, 2], bins: 2, label: "a")
f.hist([2, 3, 3], bins: 2, label: "b")
print(f)  # expect: <Figure "two histograms": 2 series (a, b)>
try { hist([1, 2], bins: 0) } catch e { print(e) }  # expect: hist(): bins: must be between 1 and 100000, got 0
hist([1, 2], bins: 2.5)  # expect error: hist(): argument 'bins' must be a whole number, got 2.5
