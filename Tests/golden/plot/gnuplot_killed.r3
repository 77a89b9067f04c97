# A gnuplot that dies mid-session is reported; the session goes on and the next plot starts a new one.
plotOutput(dir: "/tmp/r3-golden-plot/killed")
plot([1, 2, 3])  # expect: plot saved to /tmp/r3-golden-plot/killed/plot-1.png (800x500)
try { raw("system \"kill -9 $PPID\"") } catch e { print(e.hasPrefix("raw(): gnuplot (pid "), e.hasSuffix("was killed by signal 9 (Killed); the next plot starts a new gnuplot")) }  # expect: true true
plot([3, 2, 1])  # expect: plot saved to /tmp/r3-golden-plot/killed/plot-2.png (800x500)
print("still here")  # expect: still here
