# A small version of notebooks/tensors.r3: an MLP trained with adamw on two spirals fits them.
let perClass = 100
let noise = randn([2 * perClass, 2], seed: 7, std: 0.05).list()
var points = []
var labels = []
for k in 0..<2 {
  for i in 0..<perClass {
    let r = 0.1 + 0.9 * i / perClass
    let angle = 3 * pi * r + k * pi
    points.append([r * cos(angle) + noise[k * perClass + i][0], r * sin(angle) + noise[k * perClass + i][1]])
    labels.append(k)
  }
}
let x = tensor(points)
let y = tensor(labels)
let w1 = randn([2, 32], seed: 1, grad: true)
let b1 = zeros([32], grad: true)
let w2 = randn([32, 32], seed: 2, std: 1 / sqrt(32), grad: true)
let b2 = zeros([32], grad: true)
let w3 = randn([32, 2], seed: 3, std: 1 / sqrt(32), grad: true)
let b3 = zeros([2], grad: true)
fn logits() { ((x @ w1 + b1).tanh() @ w2 + b2).relu() @ w3 + b3 }
fn accuracy() { noGrad(fn() { (logits().argmax(axis: 1) == y).mean().item() }) }
print(accuracy() < 0.8)  # expect: true
let opt = adamw([w1, b1, w2, b2, w3, b3], lr: 0.03, weightDecay: 1e-4)
var first = nil
var last = nil
for step in 0..<300 {
  opt.zeroGrad()
  let loss = logits().crossEntropy(y)
  loss.backward()
  opt.step(loss: loss)
  if step == 0 { first = loss.item() }
  last = loss.item()
}
print(last < first / 10)  # expect: true
let acc = accuracy()
assert(acc > 0.95, "training accuracy \(acc)")
print(acc > 0.95)  # expect: true
