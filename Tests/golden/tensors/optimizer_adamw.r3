# AdamW steps against values worked out by hand: with a constant gradient g, the bias-corrected
# update is lr * g / |g| per step, after the decoupled decay w *= 1 - lr * weightDecay.
let w = tensor([1, -2], grad: true)
let opt = adamw([w], lr: 0.1, weightDecay: 0.01)
print(opt)  # expect: AdamW(1 parameter, lr: 0.1, step: 0)
for i in 0..<2 {
  opt.zeroGrad()
  (w * [3, 0.5]).sum().backward()
  opt.step()
  print(w.list().map(fn(v) { format("%.6f", v) }))
}
# step 1: [1, -2] * 0.999 - 0.1 = [0.899, -2.098]; step 2: [0.899, -2.098] * 0.999 - 0.1
# expect: ["0.899000", "-2.098000"]
# expect: ["0.798101", "-2.195902"]
print(opt.stepCount)  # expect: 2
# Without weight decay and with decays: false the decay is skipped.
let v = tensor([1.0], grad: true)
let o2 = adamw(["v": v], lr: 0.5, decays: [false], betas: [0.5, 0.5])
(v * 2).sum().backward()
o2.step()
print(v.item())  # expect: 0.5
try { adamw([v], betas: [0.9]) } catch e { print(e) }  # expect: adamw(): argument 'betas' must be a list of two numbers, got 1
try { adamw([v], lr: -1) } catch e { print(e) }  # expect: adamw(): learning rate must be >= 0, got -1.0
adamw([v, v])  # expect error: adamw(): parameter 'params[1]' is the same tensor as 'params[0]'
