# Targets out of range, not whole, or of the wrong shape are errors naming the position or shapes.
let logits = zeros([2, 5])
try { logits.crossEntropy([0, 1.5]) } catch e { print(e) }  # expect: Tensor.crossEntropy(): target 1.5 at flat position 1 is not an integer
try { logits.crossEntropy([0, 1, 2]) } catch e { print(e) }  # expect: Tensor.crossEntropy(): logits [2, 5] need targets of shape [2], got [3]
try { logits.crossEntropy([0, 1], reduction: "avg") } catch e { print(e) }  # expect: Tensor.crossEntropy(): argument 'reduction' must be "mean", "sum" or "none", got "avg"
logits.crossEntropy([5, 0])  # expect error: Tensor.crossEntropy(): target 5 at position 0 is out of range for 5 classes (ignoreIndex is -100)
