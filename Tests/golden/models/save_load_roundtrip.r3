# save writes a Hugging Face folder; load reads back the same model: same config, tokenizer and log-probs.
let tok = tokenizer.chars("abc =")
let m = gpt(vocab: tok, layers: 2, dim: 16, heads: 4, kvHeads: 2, context: 32, seed: 9)
let dir = "/tmp/r3-golden-models-roundtrip"
save(m, dir)
let config = json.parse(readFile(dir + "/config.json"))
print(config.model_type, config.num_key_value_heads, config.eos_token_id)  # expect: llama 2 5
let back = load(dir)
print(back, back.config == m.config, back.tokenizer.encode("ab = c") == tok.encode("ab = c"))
# expect: Model(llama, 7.9K parameters: 2 layers, dim 16, 4 heads, context 32, vocab 6) true true
print(logprobs(back, "ab =", " c") == logprobs(m, "ab =", " c"))  # expect: true
print(sample(back, "a", maxTokens: 10, temperature: 0).tokens == sample(m, "a", maxTokens: 10, temperature: 0).tokens)  # expect: true
# model.save(path) is the same; saving over an existing folder replaces it.
fit(m, ["ab = c"], steps: 2)
m.save(dir)
print(logprobs(load(dir), "ab =", " c") == logprobs(m, "ab =", " c"), logprobs(load(dir), "ab =", " c") != logprobs(back, "ab =", " c"))  # expect: true true
save(m, "/dev/null/not-a-folder")  # expect error: save(): /dev/null
