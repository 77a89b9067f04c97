# json.stringify refuses what JSON cannot hold, naming the place.
try { json.stringify(["a": [1, nan]]) } catch e { print(e) }  # expect: json.stringify(): cannot write nan as JSON (not a finite number)
try { json.stringify([1: "one"]) } catch e { print(e) }  # expect: json.stringify(): cannot convert to JSON: the dictionary key 1 at the top level is not a string
try { json.stringify(["f": fn(x) { x }]) } catch e { print(e) }  # expect: json.stringify(): cannot convert a function to JSON (at .f)
var loop = [1]
loop.append(loop)
try { json.stringify(loop) } catch e { print(e.hasPrefix("json.stringify(): cannot convert to JSON: nesting deeper than 512")) }  # expect: true
json.stringify(1, indent: -1)  # expect error: json.stringify(): argument 'indent' must lie in 0...16, got -1
