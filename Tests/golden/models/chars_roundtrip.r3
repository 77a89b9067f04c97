# A chars tokenizer: one id per character in order, then <|endoftext|>; decode(encode(s)) == s.
let tok = tokenizer.chars("abc +=")
print(tok, tok.vocabSize, tok.count, tok.eos, tok.pad, tok.bos, tok.kind)  # expect: Tokenizer(chars, 7 tokens) 7 7 6 6 nil chars
print(tok.encode("a+b=c"))  # expect: [0, 4, 1, 5, 2]
print(tok.decode(tok.encode("cab = a + b")) == "cab = a + b")  # expect: true
print(tok.decode([0, 1, 6]), tok.decode([0, 1, 6], skipSpecial: true))  # expect: ab<|endoftext|> ab
print(tok.encode("ab<|endoftext|>"), tok.alphabet)  # expect: [0, 1, 6] abc +=
print(tokenizer.chars("aab").vocabSize)  # expect: 3
