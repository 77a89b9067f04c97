# Invalid or impossible knobs are errors that name the knob.
try { countdown.generate(numbers: 7) } catch e { print(e) }
# expect: countdown.generate(): numbers must lie in 2...6, got 7...7
try { countdown.generate(operations: "+x") } catch e { print(e) }
# expect: countdown.generate(): argument 'operations' must be made of + - * /, got "+x"
try { countdown.generate(numberRange: 9...2) } catch e { print(e) }
# expect: countdown.generate(): argument 'numberRange' is an empty range (9 to 2)
try { countdown.generate(count: -1) } catch e { print(e) }
# expect: countdown.generate(): argument 'count' must be >= 0, got -1
try { countdown.generate(seed: 1.5) } catch e { print(e) }
# expect: countdown.generate(): argument 'seed' must be a non-negative whole number, got 1.5
countdown.generate(count: 5, numberRange: 1...3, targetRange: 90...100, maxAttemptsPerTask: 10)  # expect error: generated only 0 of 5 tasks after 50 candidates
