# gpt(...) builds a Llama-architecture model over a tokenizer; llama(...) is the same function.
let tok = tokenizer.chars(countdown.alphabet)
let m = gpt(vocab: tok, layers: 2, dim: 32, heads: 4, context: 64)
print(m)  # expect: Model(llama, 27.6K parameters: 2 layers, dim 32, 4 heads, context 64, vocab 24)
print(m.parameters, m.layers, m.dim, m.heads, m.kvHeads, m.context, m.vocabSize, m.family, m.tokenizer == tok)
# expect: 27552 2 32 4 4 64 24 llama true
print(m.summary)
# expect: Llama model: 27.6K parameters (26.8K without embeddings)
# expect:   layers 2, dim 32, heads 4 (kv 4, head dim 8), mlp 96
# expect:   vocab 24, context 64, rope theta 10000.0, norm eps 1e-05
# expect:   embeddings tied, q/k/v bias no
# expect:   tokenizer: characters, 24 tokens
let c = m.config
print(c.model_type, c.hidden_size, c.num_hidden_layers, c.intermediate_size, c.tie_word_embeddings, c.eos_token_id, c.rope_theta)
# expect: llama 32 2 96 true 23 10000
# The same seed gives the same weights, under either name; another seed others.
let l = llama(vocab: tok, layers: 2, dim: 32, heads: 4, context: 64)
print(logprobs(l, "1 2", "3") == logprobs(m, "1 2", "3"))  # expect: true
let g = gpt(vocab: tok, layers: 1, dim: 32, heads: 4, kvHeads: 2, ffn: 48, tied: false, ropeTheta: 500000, seed: 3)
print(g.kvHeads, g.config.intermediate_size, g.config.tie_word_embeddings, g.config.rope_theta, g.parameters)
# expect: 2 48 false 500000 9312
print(logprobs(g, "1 2", "3") != logprobs(gpt(vocab: tok, layers: 1, dim: 32, heads: 4, kvHeads: 2, ffn: 48, tied: false, ropeTheta: 500000, seed: 4), "1 2", "3"))
# expect: true
