# logprobs gives one log-probability per continuation token; it recomputes what sample reported.
let tok = tokenizer.chars("0123456789+= ")
let m = gpt(vocab: tok, layers: 2, dim: 16, heads: 2, context: 32, seed: 4)
let lp = logprobs(m, "12+3=", "15")
print(lp.count, tok.encode("15").count, lp.allSatisfy(fn(x) { x < 0 }))  # expect: 2 2 true
print(logprobs(m, "1", "2+2=4 ").count, logprobs(m, "1", "").count)  # expect: 6 0
let g = sample(m, "12+3=", maxTokens: 6, seed: 1, stopAtEOS: false)
let again = logprobs(m, g.promptTokens, g.tokens)
print(again.count, zip(again, g.logprobs).allSatisfy(fn(p) { abs(p[0] - p[1]) < 1e-4 }))  # expect: 6 true
print(logprobs(m, "12+3=", tok.encode("15")) == lp)  # expect: true
