# A tensor beyond the memory limit fails cleanly before allocating anything.
try { zeros([1e6, 1e6]) } catch e { print(e.contains("needs 4.0 TB (4000000000000 bytes), over the tensor memory limit")) }  # expect: true
let x = ones([1000000, 1000000])  # expect error: ones(): a tensor of shape [1000000, 1000000] needs 4.0 TB
