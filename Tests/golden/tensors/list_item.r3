# t.list() gives nested lists back; t.item() the single value.
let t = tensor([[1, 2], [3, 4.5]])
print(t.list())  # expect: [[1, 2], [3, 4.5]]
print(t.list()[1][1] + 1)  # expect: 5.5
print(tensor(0.1).item(), tensor(0.1).item() == 0.1)  # expect: 0.1 true
print(tensor([[7]]).item())  # expect: 7
print(tensor(3).list())  # expect: 3
print(zeros([2, 0]).list())  # expect: [[], []]
t.item()  # expect error: Tensor.item(): tensor of shape [2, 2] has 4 elements, not 1
