# logprobs needs a prompt with tokens and a total that fits the context; its arguments are named in errors.
let m = gpt(vocab: tokenizer.chars("ab"), layers: 1, dim: 8, heads: 2, context: 8)
try { logprobs(m, "", "ab") } catch e { print(e) }  # expect: logprobs(): the prompt has no tokens; give at least one
try { logprobs(m, "abab", "ababa") } catch e { print(e) }
# expect: logprobs(): the prompt and continuation have 4 + 5 tokens, more than the model's context length 8
try { logprobs(m, "ab", "abc") } catch e { print(e) }
# expect: logprobs(): argument 'continuation': character 'c' (U+63) at offset 2 is not in the tokenizer's alphabet
try { logprobs(m, [0, 7], "a") } catch e { print(e) }
# expect: logprobs(): argument 'prompt' must hold token ids (whole numbers from 0 to 2); item 1 is 7
logprobs(m, "ab", 3)  # expect error: logprobs(): argument 'continuation' must be a string or a list of token ids, got number
