# layerNorm and rmsNorm over the last axis, against values computed by hand.
let x = tensor([[1, 2, 3, 4]])
# mean 2.5, biased variance 1.25: (x - 2.5) / sqrt(1.25 + 1e-5)
let ln = x.layerNorm()
let sd = sqrt(1.25 + 1e-5)
print(format("%.5f %.5f", ln[0, 0].item(), (1 - 2.5) / sd))  # expect: -1.34164 -1.34164
let lw = x.layerNorm(weight: [1, 2, 1, 1], bias: [0, 0, 0, 10])
print(format("%.5f %.5f", lw[0, 1].item(), lw[0, 3].item()))  # expect: -0.89442 11.34164
# RMS: x / sqrt(mean(x²) + eps), mean(x²) = 7.5
let rn = x.rmsNorm(weight: [1, 1, 1, 2], eps: 0)
print(format("%.5f %.5f", rn[0, 0].item(), 1 / sqrt(7.5)))  # expect: 0.36515 0.36515
print(format("%.5f %.5f", rn[0, 3].item(), 8 / sqrt(7.5)))  # expect: 2.92119 2.92119
x.layerNorm(weight: [1, 2, 3])  # expect error: Tensor.layerNorm(): weight shape [3] does not match the last dimension 4 of [1, 4]
