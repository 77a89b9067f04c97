# tokenizer.load reads a Hugging Face tokenizer.json, from its folder or the file itself.
let dir = "Tests/R3ModelsTests/Fixtures/llama_tiny"
let tok = tokenizer.load(dir)
print(tok, tok.kind, tok.alphabet, tok.eos, tok.bos, tok.pad, tok.chatFormat)
# expect: Tokenizer(byte-level BPE, 361 tokens, chat format llama3) bpe nil 4 0 1 llama3
let ids = tok.encode("Hello world")
print(ids, tok.decode(ids))  # expect: [44, 73, 80, 80, 83, 266, 83, 86, 80, 72] Hello world
print(tok.encode("Hello", special: true))  # expect: [0, 44, 73, 80, 80, 83]
print(tokenizer.load(dir + "/tokenizer.json").encode("Hello world") == ids)  # expect: true
let text = "naïve café, 3 + 4 = 7 🙂"
print(tok.decode(tok.encode(text)) == text)  # expect: true
print(tok.encode("<|eot_id|>"), tok.decode(tok.encode("hi<|eot_id|>"), skipSpecial: true))  # expect: [4] hi
tokenizer.load("/tmp/r3-golden-models-no-such-tokenizer")  # expect error: tokenizer.load(): /tmp/r3-golden-models-no-such-tokenizer: no such file or folder
