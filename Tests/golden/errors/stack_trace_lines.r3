fn inner(x) { return x.missing }
fn outer() { inner(1) }
outer()
# expect error: stack_trace_lines.r3:1:24: error: a number has no member 'missing'
# expect error:  1 | fn inner(x) { return x.missing }
# expect error: in inner, called from
# expect error: stack_trace_lines.r3:2:14
# expect error: in outer, called from
# expect error: stack_trace_lines.r3:3:1
