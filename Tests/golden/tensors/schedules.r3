# Learning-rate schedules (transformers' semantics) and setting the optimizer's rate.
let c = schedule.cosine(lr: 1, totalSteps: 10, warmupSteps: 2, minLR: 0.1)
print([0, 1, 2, 6, 10, 20].map(fn(s) { c.lrAt(s) }))  # expect: [0, 0.5, 1, 0.55, 0.1, 0.1]
print(c)  # expect: schedule.cosine(lr: 1.0, warmupSteps: 2, totalSteps: 10, minLR: 0.1)
let l = schedule.linear(lr: 1, totalSteps: 10, warmupSteps: 2)
print([1, 6, 10, 12].map(fn(s) { l.lrAt(s) }))  # expect: [0.5, 0.5, 0, 0]
print(schedule.linearWarmup(lr: 0.5, warmupSteps: 4).lrAt(2), schedule.constant(0.3).lrAt(100))  # expect: 0.25 0.3
print(c.kind, c.warmupSteps, c.totalSteps, c.minLR)  # expect: cosine 2 10 0.1
# With a schedule, each step first sets opt.lr to lrAt(stepCount).
let w = tensor([0.0], grad: true)
let opt = sgd([w], lr: 99, schedule: schedule.linearWarmup(lr: 0.5, warmupSteps: 2))
for i in 0..<3 {
  opt.zeroGrad()
  w.sum().backward()
  opt.step()
  print(opt.lr, w.item())
}
# expect: 0 0
# expect: 0.25 -0.25
# expect: 0.5 -0.75
# Without one, opt.lr can be set by hand.
opt.schedule = nil
opt.lr = 2
opt.zeroGrad()
w.sum().backward()
opt.step()
print(w.item(), opt.schedule)  # expect: -2.75 nil
try { schedule.cosine(lr: 1, totalSteps: 5, warmupSteps: 10) } catch e { print(e) }  # expect: schedule.cosine(): totalSteps must be positive and >= warmupSteps (10), got 5
opt.lr = -1  # expect error: lr must be a finite number >= 0, got -1
