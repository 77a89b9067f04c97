# split(fraction) returns a list of two datasets, so destructuring works.
let tasks = countdown.generate(count: 2000, numbers: 3, seed: 1)
let [train, test] = tasks.split(0.9)
print(train, test)  # expect: Dataset(1800 countdown tasks) Dataset(200 countdown tasks)
print(train[0] == tasks[0], test[0] == tasks[1800], test[-1] == tasks[-1])  # expect: true true true
let [none, all] = tasks.take(3).split(0)
print(none.count, all.count)  # expect: 0 3
print(tasks.take(3).split(0.5).map(fn(d) { d.count }))  # expect: [2, 1]
tasks.split(1.5)  # expect error: Dataset.split(): split fraction must lie in [0, 1], got 1.5
