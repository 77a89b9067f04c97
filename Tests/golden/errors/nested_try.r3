fn risky(n) { if n > 1 { error("too big: \(n)") }; return n }
var log = []
for n in 0..<4 {
  try {
    try { log.append(risky(n)) } catch e { log.append("inner"); error("rethrown \(n)") }
  } catch e { log.append(e) }
}
print(log)  # expect: [0, 1, "inner", "rethrown 2", "inner", "rethrown 3"]
