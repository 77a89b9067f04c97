# A generation record: text, tokens, logprobs (one per token, never positive), finishReason, promptTokens;
# stop strings end the text before them; eos ends a generation and is left out of the text.
let tok = tokenizer.chars("ab")
let m = gpt(vocab: tok, layers: 1, dim: 8, heads: 2, context: 64, seed: 1)
let g = sample(m, "ab", maxTokens: 30, seed: 3, stopAtEOS: false)
print(g.keys, g.promptTokens, g.tokens.count == g.logprobs.count, g.logprobs.allSatisfy(fn(x) { x <= 0 }))
# expect: ["text", "tokens", "logprobs", "finishReason", "promptTokens"] [0, 1] true true
print(g.finishReason, g.text == tok.decode(g.tokens))  # expect: length true
let s = sample(m, "ab", maxTokens: 30, seed: 3, stop: "ba", stopAtEOS: false)
print(s.finishReason, s.text.contains("ba"), g.text.hasPrefix(s.text), s.tokens.count < 30)  # expect: stop false true true
let e = sample(m, "ab", maxTokens: 200, seed: 3)
print(e.finishReason, e.tokens[-1] == tok.eos, e.text == tok.decode(e.tokens, skipSpecial: true))  # expect: eos true true
print(sample(m, "ab", maxTokens: 0).tokens, sample(m, [], maxTokens: 3))  # expect: [] []
