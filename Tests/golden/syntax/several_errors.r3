let a = 1 +
let b = )
let c = 2 $ 3
let d = "open
# expect error: several_errors.r3:2:1: syntax error: expected an expression, found 'let'
# expect error: several_errors.r3:2:9: syntax error: unbalanced ')': nothing to close
# expect error: several_errors.r3:3:11: syntax error: unexpected character '$'
# expect error: several_errors.r3:4:9: syntax error: unterminated string
