# Bad task fields name the field.
try { countdown.task(nums: [1, -2], target: 3) } catch e { print(e) }
# expect: countdown.task(): field "nums[1]": must be a non-negative integer, got -2
try { countdown.task(nums: [1, 2.5], target: 3) } catch e { print(e) }
# expect: countdown.task(): argument 'nums' must hold whole numbers; item 1 is 2.5
try { countdown.task(nums: [], target: 3) } catch e { print(e) }
# expect: countdown.task(): field "nums": must hold at least one number
try { task(["nums": [1, 2], "target": "3"]) } catch e { print(e) }
# expect: task(): argument 'record': countdown task: field "target": expected an integer, got a string
try { task(["numbers": [1, 2]]) } catch e { print(e) }
# expect: task(): argument 'record': cannot tell the task kind of a record with keys "numbers": expected nums and target (countdown), query, tools and answers (function calling), or prompt (text)
countdown.verify(42, "1+2")  # expect error: countdown.verify(): argument 'task': expected a task or a task record (dictionary), got number
