# fit takes prompt/completion dictionaries or strings; anything else is an error naming the item.
let m = gpt(vocab: tokenizer.chars("ab"), layers: 1, dim: 8, heads: 2, context: 16)
try { fit(m, countdown.generate(count: 2)) } catch e { print(e) }
# expect: fit(): argument 'examples' must be a list of ["prompt": ..., "completion": ...] dictionaries or strings, got a Dataset; use ds.demonstrations() for a dataset of tasks
try { fit(m, [["prompt": "a"]]) } catch e { print(e) }  # expect: fit(): examples[0] has no "completion"
try { fit(m, [["completion": "a"]]) } catch e { print(e) }
# expect: fit(): examples[0] has no "prompt" (give "" for none, or the completion as a plain string)
try { fit(m, [["prompt": "a", "completion": 3]]) } catch e { print(e) }  # expect: fit(): examples[0]["completion"] must be a string, got number
try { fit(m, ["ab", 3]) } catch e { print(e) }
# expect: fit(): examples[1] must be a ["prompt": ..., "completion": ...] dictionary or a string, got number
try { fit(m, ["abc"]) } catch e { print(e) }  # expect: fit(): example 0: character 'c' (U+63) at offset 2 is not in the tokenizer's alphabet
try { fit(m, []) } catch e { print(e) }  # expect: fit(): no example has a completion token to train on (0 given)
# An example whose prompt fills the context has no completion token left: it is dropped and counted.
print(fit(m, ["ab", ["prompt": "abababababababababab", "completion": "b"]], steps: 1).dropped)  # expect: 1
fit(m, "ab")  # expect error: fit(): argument 'examples' must be a list of ["prompt": ..., "completion": ...] dictionaries or strings, got string
