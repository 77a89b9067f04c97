# plot and hist read tensors as their flattened values (row-major).
plotOutput(dir: "/tmp/r3-golden-tensors/plot")
plot(tensor([[1, 4], [9, 16]]), title: "squares")  # expect: plot saved to /tmp/r3-golden-tensors/plot/plot-1.png (800x500)
plot(arange(4), tensor([1, 4, 9, 16]), label: "x²")  # expect: plot saved to /tmp/r3-golden-tensors/plot/plot-2.png (800x500)
hist(randn([1000], seed: 1), bins: 20)  # expect: plot saved to /tmp/r3-golden-tensors/plot/plot-3.png (800x500)
let f = figure()
f.plot([tensor([1, 2]), tensor([[3, 4]])], label: ["a", "b"])
print(f)  # expect: <Figure: 2 series (a, b)>
try { plot([1, 2, 3], tensor([[1], [2]])) } catch e { print(e) }  # expect: plot(): x has 3 values but y has 2: they must have the same length
plot(zeros([0, 3]))  # expect error: plot(): y is empty: nothing to plot
