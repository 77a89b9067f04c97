# Qwen2 folders (q/k/v biases, tied head) load too, in F32, F16 and sharded BF16; greedy tokens match transformers.
let q = load("Tests/R3ModelsTests/Fixtures/qwen2_tiny")
print(q, q.family, q.config.use_sliding_window, q.tokenizer.chatFormat)
# expect: Model(qwen2, 109.6K parameters: 2 layers, dim 64, 4 heads, context 128, vocab 359) qwen2 false chatml
print(sample(q, q.tokenizer.encode("Hello"), maxTokens: 12, temperature: 0).tokens)
# expect: [271, 143, 58, 95, 219, 268, 92, 192, 82, 241, 295, 143]
let half = load("Tests/R3ModelsTests/Fixtures/qwen2_tiny_f16")
print(half.parameters == q.parameters, sample(half, "Hello", maxTokens: 4, temperature: 0).tokens)  # expect: true [271, 143, 58, 95]
let sharded = load("Tests/R3ModelsTests/Fixtures/llama_tiny_bf16_sharded")
print(sharded, sample(sharded, "Hello", maxTokens: 4, temperature: 0).tokens)
# expect: Model(llama, 132.5K parameters: 2 layers, dim 64, 4 heads, context 128, vocab 361) [330, 330, 330, 330]
