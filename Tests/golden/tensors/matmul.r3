# @ is torch.matmul: matrices, vectors promoted and removed again, batch axes broadcast.
let a = tensor([[1, 2], [3, 4]])
let b = tensor([[5, 6], [7, 8]])
print(a @ b)
# expect: tensor([[19, 22],
# expect:         [43, 50]])
print(a @ [1, 1], [1, 1] @ a, tensor([1, 2]) @ tensor([3, 4]))  # expect: tensor([3, 7]) tensor([4, 6]) tensor(11)
print(a.T @ b, a.matmul(b.T))
# expect: tensor([[26, 30],
# expect:         [38, 44]]) tensor([[17, 23],
# expect:         [39, 53]])
print((zeros([4, 5, 3]) @ zeros([3, 2])).shape)  # expect: [4, 5, 2]
print((zeros([2, 1, 5, 4]) @ zeros([3, 4, 6])).shape)  # expect: [2, 3, 5, 6]
print((zeros([7, 3]) @ zeros([2, 3, 5])).shape, (zeros([3]) @ zeros([2, 3, 5])).shape)  # expect: [2, 7, 5] [2, 5]
# A batched product equals the products of its slices.
let x = randn([3, 4, 5], seed: 1)
let y = randn([3, 5, 2], seed: 2)
let z = x @ y
print(z.shape, (0..<3).map(fn(i) { (z[i] - x[i] @ y[i]).abs().max().item() < 1e-5 }))  # expect: [3, 4, 2] [true, true, true]
