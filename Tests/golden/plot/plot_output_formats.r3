# plotOutput chooses the directory (created when missing) and the format of automatic files.
plotOutput(to: "files", dir: "/tmp/r3-golden-plot/formats/svg", format: "svg")
plot(1...5)  # expect: plot saved to /tmp/r3-golden-plot/formats/svg/plot-1.svg (800x500)
print(readFile("/tmp/r3-golden-plot/formats/svg/plot-1.svg").contains("<svg"))  # expect: true
plotOutput(format: "pdf")
plot([2, 1])  # expect: plot saved to /tmp/r3-golden-plot/formats/svg/plot-1.pdf
plotOutput(to: "everywhere")  # expect error: plotOutput(): to: must be "auto", "files", "terminal", got "everywhere"
