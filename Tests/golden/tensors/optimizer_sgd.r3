# SGD steps against values worked out by hand (loss = sum(w²), so the gradient is 2w).
fn run(steps, momentum, nesterov, decay) {
  let w = tensor([1, 2], grad: true)
  let opt = sgd([w], lr: 0.1, momentum: momentum, nesterov: nesterov, weightDecay: decay)
  for i in 0..<steps {
    opt.zeroGrad()
    (w * w).sum().backward()
    opt.step()
  }
  return w.list().map(fn(v) { format("%.6f", v) })
}
# plain: w - 0.1 * 2w = 0.8 w
print(run(1, 0, false, 0))  # expect: ["0.800000", "1.600000"]
# momentum 0.9: buf = g1 = [2, 4]; w1 = [0.8, 1.6]; buf = 0.9 buf + g2 = [3.4, 6.8]; w2 = w1 - 0.1 buf
print(run(2, 0.9, false, 0))  # expect: ["0.460000", "0.920000"]
# Nesterov: the step uses g + 0.9 buf: w1 = w - 0.1 * [3.8, 7.6]; then g2 = [1.24, 2.48], buf = [3.04, 6.08]
print(run(1, 0.9, true, 0), run(2, 0.9, true, 0))  # expect: ["0.620000", "1.240000"] ["0.222400", "0.444800"]
# weight decay 0.1 adds 0.1 w to the gradient: w - 0.1 * 2.1 w
print(run(1, 0, false, 0.1), run(2, 0, false, 0.1))  # expect: ["0.790000", "1.580000"] ["0.624100", "1.248200"]
