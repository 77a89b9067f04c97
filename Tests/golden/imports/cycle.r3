import "fixtures/cycle_a.r3"
# expect error: import cycle: 
# expect error: fixtures/cycle_a.r3 -> 
# expect error: fixtures/cycle_b.r3 -> 
