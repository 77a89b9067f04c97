# raw runs a gnuplot command on the current figure and prints what gnuplot printed.
plotOutput(dir: "/tmp/r3-golden-plot/raw")
plot([1, 2, 3])  # expect: plot saved to /tmp/r3-golden-plot/raw/plot-1.png (800x500)
raw("print 6 * 7")  # expect: 42
raw("set key left top")
show()  # expect: plot saved to /tmp/r3-golden-plot/raw/plot-2.png (800x500)
try { raw("set terminal png") } catch e { print(e) }  # expect: raw(): the gnuplot command 'set terminal png' is not allowed: the terminal and output are chosen by plot and savefig
try { raw("undefined_command_xyz") } catch e { print(e.contains("gnuplot reported an error")) }  # expect: true
raw("quit")  # expect error: raw(): the gnuplot command 'quit' is not allowed: it would stop or block the figure's gnuplot
