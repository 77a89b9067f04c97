# load reads a Hugging Face folder; greedy sampling from token ids gives transformers' own greedy
# tokens (Tests/R3ModelsTests/Fixtures/parity_llama_tiny.json, from scripts/fixtures/model_fixtures.py).
let m = load("Tests/R3ModelsTests/Fixtures/llama_tiny")
print(m)  # expect: Model(llama, 132.5K parameters: 2 layers, dim 64, 4 heads, context 128, vocab 361)
print(m.kvHeads, m.config.tie_word_embeddings, m.config.rope_theta, m.tokenizer.eos, m.tokenizer.bos)  # expect: 2 false 50000 4 0
let ids = m.tokenizer.encode("Hello")
let g = sample(m, ids, maxTokens: 12, temperature: 0)
print(g.promptTokens, g.tokens, g.finishReason)
# expect: [44, 73, 80, 80, 83] [330, 330, 330, 330, 330, 316, 238, 316, 33, 254, 83, 67] length
let batch = sample(m, [ids, m.tokenizer.encode("The quick brown")], maxTokens: 12, temperature: 0)
print(batch[0].tokens == g.tokens, batch[1].tokens)  # expect: true [336, 319, 23, 177, 91, 96, 188, 153, 38, 264, 128, 96]
# A string prompt is encoded with the tokenizer's template (here a <|begin_of_text|>).
print(sample(m, "Hello", maxTokens: 3, temperature: 0).promptTokens)  # expect: [0, 44, 73, 80, 80, 83]
