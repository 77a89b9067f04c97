# Loading a folder that does not exist, or whose weights file is cut short, names the folder or file.
try { load("/tmp/r3-golden-models-missing") } catch e { print(e) }  # expect: load(): /tmp/r3-golden-models-missing: no such model folder
let dir = "/tmp/r3-golden-models-truncated"
save(gpt(vocab: tokenizer.chars("ab"), layers: 1, dim: 8, heads: 2, context: 16), dir)
writeFile(dir + "/model.safetensors", "")
try { load(dir) } catch e { print(e) }
# expect: load(): /tmp/r3-golden-models-truncated/model.safetensors: truncated safetensors header (the file has 0 bytes, fewer than the 8-byte header length)
load(42)  # expect error: load(): argument 'path' must be a string, got number
