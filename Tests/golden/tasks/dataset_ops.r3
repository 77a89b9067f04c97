# Dataset: count, indexing (negative, ranges), for-in, take, filter (a dataset), map (a list).
let ds = dataset([countdown.task(nums: [1, 2], target: 3), countdown.task(nums: [2, 2], target: 4),
                  countdown.task(nums: [3, 4], target: 12), countdown.task(nums: [5, 1], target: 4)])
print(ds, ds.count, ds.isEmpty)  # expect: Dataset(4 countdown tasks) 4 false
print(ds[0].target, ds[-1].target, ds[1..<3], ds[2...].count)  # expect: 3 4 Dataset(2 countdown tasks) 2
var targets = []
for t in ds { targets.append(t.target) }
print(targets)  # expect: [3, 4, 12, 4]
print(ds.take(2).map(fn(t) { t.target }), ds.take(10).count, ds.take(0))  # expect: [3, 4] 4 Dataset(empty)
print(ds.filter(fn(t) { t.target == 4 }), ds.map(fn(t) { t.nums.sum() }))  # expect: Dataset(2 countdown tasks) [3, 4, 7, 6]
print(ds.list().count, dataset([["a": 1], ["a": 2]]), dataset([1, "x"]))  # expect: 4 Dataset(2 records) Dataset(2 items)
print(dataset([countdown.task(nums: [1], target: 1), task(["prompt": "p"])]).kind)  # expect: nil
ds.filter(fn(t) { t.target })  # expect error: Dataset.filter(): the function 'include' must return true or false, got number
