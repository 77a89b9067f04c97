# savefig and show() need a figure first.
try { show() } catch e { print(e) }  # expect: show(): there is no figure to show yet: draw one with plot(...) or hist(...)
savefig("/tmp/r3-golden-plot/none.png")  # expect error: savefig(): there is no figure to save yet
