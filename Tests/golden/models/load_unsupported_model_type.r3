# A model_type other than llama and qwen2 is an error that names it.
let dir = "/tmp/r3-golden-models-gpt2-type"
save(gpt(vocab: tokenizer.chars("ab"), layers: 1, dim: 8, heads: 2, context: 16), dir)
let config = json.parse(readFile(dir + "/config.json"))
config["model_type"] = "gpt2"
writeFile(dir + "/config.json", json.stringify(config))
load(dir)  # expect error: load(): /tmp/r3-golden-models-gpt2-type/config.json: unsupported model_type 'gpt2' (supported: llama, qwen2)
