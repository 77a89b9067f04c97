# chat(messages) lays out a conversation in the tokenizer's chat format; encode recognises the special tokens.
let tok = load("Tests/R3ModelsTests/Fixtures/qwen2_tiny").tokenizer
let messages = [["role": "system", "content": "Be brief."], ["role": "user", "content": "3 + 4?"]]
print(repr(tok.chat(messages)))
# expect: "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\n3 + 4?<|im_end|>\n<|im_start|>assistant\n"
print(repr(tok.chat(messages, generationPrompt: false)))
# expect: "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\n3 + 4?<|im_end|>\n"
print(tok.encode(tok.chat([["role": "user", "content": "hi"]]))[0] == tok.encode("<|im_start|>")[0])  # expect: true
try { tok.chat([["role": "user"]]) } catch e { print(e) }
# expect: Tokenizer.chat(): argument 'messages' must be a list of ["role": ..., "content": ...] dictionaries of strings; item 0 is ["role": "user"]
print(repr(tok.chat([["role": "user", "content": "hi"]], format: "llama3")))
# expect: "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nhi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n"
try { tok.chat(messages, format: "jinja") } catch e { print(e) }  # expect: Tokenizer.chat(): argument 'format' must be "chatml" or "llama3", got "jinja"
print(repr(tokenizer.chars("abchi").chat([["role": "user", "content": "hi"]], format: "chatml")))  # expect: "<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n"
tokenizer.chars("abc").chat(messages)  # expect error: Tokenizer.chat(): the tokenizer has no chat format (its tokenizer_config.json has no ChatML or Llama-3 chat_template); name a format (chatml or llama3)
