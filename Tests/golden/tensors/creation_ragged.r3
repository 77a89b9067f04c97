# A ragged nested list is an error that names where the rows differ.
try { tensor([[1, 2], [3]]) } catch e { print(e) }  # expect: tensor(): ragged nested list: [1] has 1 element but [0] has 2
try { tensor([1, [2]]) } catch e { print(e) }  # expect: tensor(): ragged nested list: [1] is a list but [0] is a number
tensor([[[1, 2], [3, 4]], [[5, 6], [7]]])  # expect error: tensor(): ragged nested list: [1][1] has 1 element but [0][0] has 2
