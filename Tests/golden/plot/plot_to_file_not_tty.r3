# Off a terminal (here the output is captured) a plot is saved to the next numbered file,
# whose path and pixel size are printed.
let where = plotOutput(dir: "/tmp/r3-golden-plot/to-file")
print(where.to, where.format, where.next)  # expect: auto png /tmp/r3-golden-plot/to-file/plot-1.png
plot([1, 4, 9, 16], title: "squares")  # expect: plot saved to /tmp/r3-golden-plot/to-file/plot-1.png (800x500)
plot([0, 1, 2], [3, 1, 2], label: "curve", style: "linespoints")  # expect: plot saved to /tmp/r3-golden-plot/to-file/plot-2.png (800x500)
print(readFile("/tmp/r3-golden-plot/to-file/plot-2.png").contains("IHDR"))  # expect: true
print(plotOutput().next)  # expect: /tmp/r3-golden-plot/to-file/plot-3.png
