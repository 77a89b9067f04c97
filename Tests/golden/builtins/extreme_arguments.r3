# Extreme arguments are errors that say what is allowed, never a crash.
try { format("%d", 1e19) } catch e { print(e) }  # expect: format(): %d needs a whole number of at most 19 digits, got 1e+19 (use %g or %e for large numbers)
try { format("%x", nan) } catch e { print(e) }  # expect: format(): %x needs a whole number of at most 19 digits, got nan (use %g or %e for large numbers)
try { format("%999999999999d", 1) } catch e { print(e) }  # expect: format(): the width in '%999999999999d' is larger than 1000
try { format("%.1000000000f", 1) } catch e { print(e) }  # expect: format(): the precision in '%.1000000000f' is larger than 1000
print(format("%5d|%.3f|%-4s|", 42, 3.14159, "ab"))  # expect:    42|3.142|ab  |
try { "ab".padded(to: 1e12) } catch e { print(e) }  # expect: string.padded(): the result would be larger than 1 GB
exit(1e10)  # expect error: exit(): argument 'code' must be an exit status from 0 to 255, got 10000000000
