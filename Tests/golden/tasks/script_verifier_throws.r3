# A verifier that raises an error gives a failure whose reason is the error; the run goes on.
let t = countdown.task(nums: [5, 7, 3], target: 38)
let v = verifier(fn(task, output) {
  if output == "" { error("empty output") }
  if output == "?" { return task.nonexistent }
  let n = number(output)
  return n == task.target
})
print(v.check(t, ""))  # expect: ["passed": false, "score": 0, "reason": "empty output"]
print(v.check(t, "?").reason)  # expect: a Task has no member 'nonexistent'
print(v.check(t, "38").passed)  # expect: true
let wrongArity = verifier(fn(output) { true })
print(wrongArity.check(t, "38").reason)  # expect: <anonymous fn>() takes at most 1 argument, got 2
fn down(n) { down(n + 1) }
let deep = verifier(fn(task, output) { down(0) })
print(deep.check(t, "38").reason.hasPrefix("stack overflow"))  # expect: true
var results = []
for o in ["38", "", "37", "?"] { results.append(v.check(t, o).passed) }
print(results)  # expect: [true, false, false, false]
