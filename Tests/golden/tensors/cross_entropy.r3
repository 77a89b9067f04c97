# crossEntropy of logits [N, C] against class indices [N], with ignoreIndex and reductions.
let logits = tensor([[2, 0, 1], [0, 1, 0], [1, 1, 1]])
let targets = [0, 2, 1]
# loss_i = logsumexp(row_i) - row_i[target_i]
let l0 = log(exp(2) + 1 + exp(1)) - 2
let l1 = log(2 + exp(1)) - 0
let l2 = log(3)
let per = logits.crossEntropy(targets, reduction: "none")
print(per.shape, format("%.5f %.5f %.5f", per[0].item(), per[1].item(), per[2].item()))  # expect: [3] 0.40761 1.55144 1.09861
print(format("%.5f %.5f", l0, l1))  # expect: 0.40761 1.55144
print(format("%.5f %.5f", logits.crossEntropy(targets).item(), (l0 + l1 + l2) / 3))  # expect: 1.01922 1.01922
print(format("%.5f", logits.crossEntropy(tensor(targets), reduction: "sum").item()))  # expect: 3.05766
# Ignored positions are left out of the mean.
print(format("%.5f %.5f", logits.crossEntropy([0, -100, 1]).item(), (l0 + l2) / 2))  # expect: 0.75311 0.75311
print(logits.crossEntropy([-1, -1, -1], ignoreIndex: -1).item())  # expect: 0
# Classes are the last axis: [B, T, C] logits take [B, T] targets.
print(zeros([2, 4, 5]).crossEntropy(zeros([2, 4])).item() - log(5) < 1e-6)  # expect: true
