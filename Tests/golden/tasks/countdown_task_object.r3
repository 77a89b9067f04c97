# A Countdown task is a native Task object with dot access, printing and equality.
let t = countdown.task(nums: [44, 19, 35], target: 98)
print(t)  # expect: countdown(nums: [44, 19, 35], target: 98)
print(type(t), t.kind, t.nums, t.target, t["target"])  # expect: Task countdown [44, 19, 35] 98 98
print(t.record)  # expect: ["nums": [44, 19, 35], "target": 98]
print(t == countdown.task(nums: [44, 19, 35], target: 98), t == countdown.task(nums: [44, 19, 35], target: 97))  # expect: true false
print(task(["nums": [44, 19, 35], "target": 98]) == t)  # expect: true
print([t])  # expect: [countdown(nums: [44, 19, 35], target: 98)]
try { t.target = 5 } catch e { print(e) }
# expect: tasks cannot be changed; build a new one (countdown.task(...), functionCalling.task(...), task(record))
t.nmus  # expect error: a Task has no member 'nmus' (did you mean 'nums'?)
