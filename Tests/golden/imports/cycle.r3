import "fixtures/cycle_a.r3"
# expect error: import cycle: cycle_a.r3 -> cycle_b.r3 -> cycle_a.r3
