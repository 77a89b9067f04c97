# sample checks its arguments and names them.
let m = gpt(vocab: tokenizer.chars("ab"), layers: 1, dim: 8, heads: 2, context: 16)
try { sample(3, "ab") } catch e { print(e) }  # expect: sample(): argument 'model' must be a Model (from gpt(...), llama(...) or load(path)), got number
try { sample(m, 3) } catch e { print(e) }
# expect: sample(): argument 'prompt' must be a string, a list of token ids, or a list of those, got number
try { sample(m, ["a", true]) } catch e { print(e) }
# expect: sample(): argument 'prompt' must be a string, a list of token ids, or a list of those; item 1 is a bool
try { sample(m, [0, 5]) } catch e { print(e) }
# expect: sample(): argument 'prompt' must hold token ids (whole numbers from 0 to 2); item 1 is 5
try { sample(m, "ab", temperature: -1) } catch e { print(e) }  # expect: sample(): argument 'temperature' must be 0 or more (0 is greedy), got -1
try { sample(m, "ab", topP: 0) } catch e { print(e) }  # expect: sample(): argument 'topP' must be in (0, 1], got 0
try { sample(m, "ab", topK: -2) } catch e { print(e) }  # expect: sample(): argument 'topK' must be at least 0, got -2
try { sample(m, "ab", maxTokens: 2.5) } catch e { print(e) }  # expect: sample(): argument 'maxTokens' must be a whole number, got 2.5
try { sample(m, "ab", stop: [1]) } catch e { print(e) }  # expect: sample(): argument 'stop' must be a list of strings; item 0 is a number
try { sample(m, "abc") } catch e { print(e) }
# expect: sample(): the prompt: character 'c' (U+63) at offset 2 is not in the tokenizer's alphabet
generate(m, "ab", seed: -3)  # expect error: generate(): argument 'seed' must be a non-negative whole number, got -3
