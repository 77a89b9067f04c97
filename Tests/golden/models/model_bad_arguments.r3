# Model constructors check their arguments and name them.
let tok = tokenizer.chars("abc")
try { gpt(vocab: 3) } catch e { print(e) }
# expect: gpt(): argument 'vocab' must be a Tokenizer (from tokenizer.chars(alphabet) or tokenizer.load(path)), got number
try { llama(vocab: "abc") } catch e { print(e) }
# expect: llama(): argument 'vocab' must be a Tokenizer (from tokenizer.chars(alphabet) or tokenizer.load(path)), got string
try { gpt(vocab: tok, layers: 0) } catch e { print(e) }  # expect: gpt(): argument 'layers' must be at least 1, got 0
try { gpt(vocab: tok, dim: 30, heads: 4) } catch e { print(e) }  # expect: gpt(): argument 'dim' (30) must be divisible by 'heads' (4)
try { gpt(vocab: tok, dim: 36, heads: 4) } catch e { print(e) }
# expect: gpt(): the head width dim / heads = 9 must be even (rotary embeddings rotate pairs)
try { gpt(vocab: tok, heads: 4, kvHeads: 3) } catch e { print(e) }  # expect: gpt(): argument 'heads' (4) must be divisible by 'kvHeads' (3)
try { gpt(vocab: tok, layers: 1.5) } catch e { print(e) }  # expect: gpt(): argument 'layers' must be a whole number, got 1.5
try { gpt(vocab: tok, context: 1) } catch e { print(e) }  # expect: gpt(): argument 'context' must be at least 2, got 1
try { gpt(vocab: tok, ropeTheta: 0) } catch e { print(e) }  # expect: gpt(): argument 'ropeTheta' must be a positive number, got 0
try { gpt(vocab: tok, tied: 1) } catch e { print(e) }  # expect: gpt(): argument 'tied' must be true or false, got number
try { gpt(vocab: tok, depth: 3) } catch e { print(e) }
# expect: gpt() has no parameter named 'depth'; its parameters are vocab, layers, dim, heads, kvHeads, ffn, context, ropeTheta, tied, seed
gpt(tok, 2, seed: -1)  # expect error: gpt(): argument 'seed' must be a non-negative whole number, got -1
