# A model whose weights would not fit in memory is an error before anything is allocated.
let tok = tokenizer.chars("abc")
gpt(vocab: tok, layers: 100, dim: 400000, heads: 4)  # expect error: gpt(): a model of
# expect error: over the memory limit of
# expect error: (set R3_MAX_TENSOR_BYTES to change it)
