# Saving where no file can be written names the path and the reason.
plotOutput(dir: "/tmp/r3-golden-plot/unwritable/taken.png")
plotOutput(dir: "/tmp/r3-golden-plot/unwritable")
plot([1, 2])  # expect: plot saved to /tmp/r3-golden-plot/unwritable/plot-1.png (800x500)
try { savefig("/tmp/r3-golden-plot/unwritable/taken.png") } catch e { print(e) }  # expect: savefig(): cannot write plot to '/tmp/r3-golden-plot/unwritable/taken.png': it is a directory
try { plotOutput(dir: "/tmp/r3-golden-plot/unwritable/plot-1.png/sub") } catch e { print(e.hasPrefix("plotOutput(): cannot use '/tmp/r3-golden-plot/unwritable/plot-1.png/sub' for plot files")) }  # expect: true
savefig("/nonexistent-r3-dir/curve.png")  # expect error: savefig(): cannot write plot to '/nonexistent-r3-dir/curve.png': directory '/nonexistent-r3-dir' does not exist
