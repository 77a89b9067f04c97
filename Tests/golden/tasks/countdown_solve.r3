# The exact solver: one solution, all canonical solutions, none.
let t = countdown.task(nums: [44, 19, 35], target: 98)
print(countdown.solve(t))  # expect: 44 + 35 + 19
# 1, 2, 3 -> 6: the sum, the product, and 3 * 2 / 1 (shortest first, then alphabetical).
print(countdown.solve(countdown.task(nums: [1, 2, 3], target: 6), all: true))  # expect: ["3 * 2 * 1", "3 * 2 / 1", "3 + 2 + 1"]
print(countdown.solve(countdown.task(nums: [1, 2, 3], target: 6), all: true, limit: 2).count)  # expect: 2
print(countdown.solve(countdown.task(nums: [2, 3], target: 7)))  # expect: nil
print(countdown.solve(countdown.task(nums: [2, 3], target: 7), all: true))  # expect: []
# A record works as a task.
print(countdown.solve(["nums": [4, 6], "target": 24]))  # expect: 6 * 4
countdown.solve(countdown.task(nums: [1, 2, 3, 4, 5, 6, 7], target: 28))  # expect error: countdown.solve(): the solver handles at most 6 numbers; this task has 7
