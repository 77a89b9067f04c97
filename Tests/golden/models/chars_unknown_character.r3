# Text outside a chars tokenizer's alphabet is an error naming the character and its offset,
# unless an unknown token was asked for.
let tok = tokenizer.chars("0123456789+")
try { tok.encode("1+2é") } catch e { print(e) }
# expect: Tokenizer.encode(): character 'é' (U+E9) at offset 3 is not in the tokenizer's alphabet
let lenient = tokenizer.chars("0123456789+", unknown: "<unk>")
print(lenient.vocabSize, lenient.encode("1?2"), lenient.decode(lenient.encode("1?2")))  # expect: 13 [1, 12, 2] 1<unk>2
try { tokenizer.chars("") } catch e { print(e) }  # expect: tokenizer.chars(): a character tokenizer needs a non-empty alphabet
tok.decode([0, 99])  # expect error: Tokenizer.decode(): argument 'ids' must hold token ids (whole numbers from 0 to 11); item 1 is 99
