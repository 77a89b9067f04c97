# A prompt that does not leave room for a new token in the context is an error naming its length.
let m = gpt(vocab: tokenizer.chars("ab"), layers: 1, dim: 8, heads: 2, context: 16)
print(sample(m, "abababababababa", maxTokens: 5, temperature: 0).tokens.count)  # expect: 1
try { sample(m, ["ab", "abababababababab"]) } catch e { print(e) }
# expect: sample(): prompt 1 has 16 tokens, which does not fit the model's context length 16 (no room for a new token)
try { sample(m, "") } catch e { print(e) }  # expect: sample(): the prompt is empty: it has no tokens to continue from
sample(m, "abababababababab")  # expect error: sample(): the prompt has 16 tokens, which does not fit the model's context length 16 (no room for a new token)
