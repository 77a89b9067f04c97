# A config.json without a required key, or with a contradiction, names the key.
let dir = "/tmp/r3-golden-models-config-keys"
save(gpt(vocab: tokenizer.chars("ab"), layers: 1, dim: 8, heads: 2, context: 16), dir)
let config = json.parse(readFile(dir + "/config.json"))
config["num_key_value_heads"] = 3
writeFile(dir + "/config.json", json.stringify(config))
try { load(dir) } catch e { print(e) }
# expect: load(): /tmp/r3-golden-models-config-keys/config.json: num_attention_heads (2) is not divisible by num_key_value_heads (3)
writeFile(dir + "/config.json", "{\"model_type\": \"llama\", \"vocab_size\": 3}")
load(dir)  # expect error: load(): /tmp/r3-golden-models-config-keys/config.json: missing key "num_attention_heads"
