# json.parse / json.stringify: exact integers, booleans are not numbers, key order kept, escapes.
let text = "{\"id\": 12, \"ok\": true, \"n\": 1.0, \"x\": 2.5e-3, \"big\": 9007199254740993, \"s\": \"caf\\u00e9 \\\"q\\\"\", \"list\": [1, null, {}], \"nested\": {\"b\": [], \"a\": -0.5}}"
let v = json.parse(text)
print(v)  # expect: ["id": 12, "ok": true, "n": 1, "x": 0.0025, "big": 9007199254740992, "s": "café \"q\"", "list": [1, nil, [:]], "nested": ["b": [], "a": -0.5]]
print(type(v.ok), type(v.id), v.ok == 1)  # expect: bool number false
print(json.stringify(v))  # expect: {"id":12,"ok":true,"n":1,"x":0.0025,"big":9007199254740992,"s":"café \"q\"","list":[1,null,{}],"nested":{"b":[],"a":-0.5}}
print(json.parse(json.stringify(v)) == v)  # expect: true
print(json.stringify(["b": 1, "a": [true, 0.1]], sortKeys: true))  # expect: {"a":[true,0.1],"b":1}
print(json.stringify([1, ["k": "v"]], indent: 2))
# expect: [
# expect:   1,
# expect:   {
# expect:     "k": "v"
# expect:   }
# expect: ]
print(json.stringify("tab\there"), json.stringify(nil), json.stringify(1e300), json.stringify(-3))  # expect: "tab\there" null 1e+300 -3
print(json.stringify(countdown.task(nums: [1, 2], target: 3)))  # expect: {"nums":[1,2],"target":3}
print(json.parse("  [1, 2]\n"), json.parse("\"just a string\""))  # expect: [1, 2] just a string
