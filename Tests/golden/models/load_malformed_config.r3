# A config.json that is not JSON is an error naming the file.
let dir = "/tmp/r3-golden-models-malformed-config"
save(gpt(vocab: tokenizer.chars("ab"), layers: 1, dim: 8, heads: 2, context: 16), dir)
print(load(dir))  # expect: Model(llama, 1.1K parameters: 1 layer, dim 8, 2 heads, context 16, vocab 3)
writeFile(dir + "/config.json", "{\"model_type\": \"llama\",\n \"hidden_size\": }")
try { load(dir) } catch e { print(e) }  # expect: load(): /tmp/r3-golden-models-malformed-config/config.json:2:17: not valid JSON (Invalid value around character 40.)
writeFile(dir + "/config.json", "")
load(dir)  # expect error: load(): /tmp/r3-golden-models-malformed-config/config.json: not valid JSON (the file is empty)
