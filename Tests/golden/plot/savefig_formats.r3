# savefig writes the current figure; the extension picks the format.
plotOutput(dir: "/tmp/r3-golden-plot/savefig")
plot([3, 1, 2], title: "formats")  # expect: plot saved to /tmp/r3-golden-plot/savefig/plot-1.png (800x500)
savefig("/tmp/r3-golden-plot/savefig/curve.png")
savefig("/tmp/r3-golden-plot/savefig/curve.svg", width: 640, height: 480)
savefig("/tmp/r3-golden-plot/savefig/curve.pdf")
print(readFile("/tmp/r3-golden-plot/savefig/curve.png").contains("IHDR"))  # expect: true
let svg = readFile("/tmp/r3-golden-plot/savefig/curve.svg")
print(svg.contains("width=\"640\""), svg.contains("height=\"480\""), svg.contains("formats"))  # expect: true true true
print(readFile("/tmp/r3-golden-plot/savefig/curve.pdf").hasPrefix("%PDF-"))  # expect: true
savefig("/tmp/r3-golden-plot/savefig/curve.jpg")  # expect error: savefig(): cannot save plot to '/tmp/r3-golden-plot/savefig/curve.jpg': unsupported file extension (use .png, .svg or .pdf)
