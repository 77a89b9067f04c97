let name = "world"
let x = 7
print("hello \(name), \(x * 2)")            # expect: hello world, 14
print("nested \("in" + "ner") and \([1, 2].count)")  # expect: nested inner and 2
print("braces {stay} plain: {\"k\": \(x)}")  # expect: braces {stay} plain: {"k": 7}
print("list \([1, "a"])")                   # expect: list [1, "a"]
