# Values that are not numbers, and shapes that are not whole numbers, name the item.
try { tensor([[1, 2], [3, "x"]]) } catch e { print(e) }  # expect: tensor(): argument 'data': item [1][1] is a string; a tensor holds numbers
try { zeros([2, 1.5]) } catch e { print(e) }  # expect: zeros(): argument 'shape': item 1 must be a whole number, got 1.5
try { zeros([2, "3"]) } catch e { print(e) }  # expect: zeros(): argument 'shape' must be a list of whole numbers; item 1 is a string
try { zeros([1e300]) } catch e { print(e) }  # expect: zeros(): argument 'shape': item 0 is too large, got 1e+300
try { zeros([1e15, 1e15]) } catch e { print(e) }  # expect: zeros(): shape [1000000000000000, 1000000000000000] has too many elements (the product overflows a 64-bit integer)
try { ones([-1, 2]) } catch e { print(e) }  # expect: ones(): negative dimension -1 in shape [-1, 2]
try { arange(0, 1, step: 0) } catch e { print(e) }  # expect: arange(): start, end and step must be finite and step non-zero (got 0.0, 1.0, 0.0)
try { linspace(0, 1, -2) } catch e { print(e) }  # expect: linspace(): count must be non-negative, got -2
randn([2, 2], seed: -1)  # expect error: randn(): argument 'seed' must be a non-negative whole number, got -1
