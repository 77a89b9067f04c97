# A NaN loss makes NaN gradients; the optimizer's step refuses them, names the parameter and changes nothing.
let w1 = ones([2, 2], grad: true)
let b1 = zeros([2], grad: true)
let opt = adamw(["w1": w1, "b1": b1], lr: 0.1)
let loss = ((ones([1, 2]) @ w1 + b1) * tensor([nan, 1])).sum()
print(isnan(loss.item()))  # expect: true
loss.backward()
try { opt.step(loss: loss) } catch e { print(e) }  # expect: Optimizer.step(): the loss is nan; no parameter was updated
print(w1.list(), opt.stepCount)  # expect: [[1, 1], [1, 1]] 0
opt.step()  # expect error: Optimizer.step(): the gradient of parameter 'w1' (shape [2, 2]) has 2 non-finite values (first: nan at index 0); no parameter was updated
