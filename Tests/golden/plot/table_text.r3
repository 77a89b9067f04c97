# table(rows) shows aligned text once where it is made; print(table(...)) prints it once.
table([["model": "vanilla", "first_try": 0.3125], ["model": "trained", "first_try": 0.5, "steps": 200]])
print("--")
# expect: model    first_try  steps
# expect: -------  ---------  -----
# expect: vanilla     0.3125
# expect: trained        0.5    200
# expect: --
print(table([[1, "a"], [22, "bb"]], header: ["n", "name"]))
# expect:  n  name
# expect: --  ----
# expect:  1  a
# expect: 22  bb
let t = table([["a": 1, "b": true, "c": nil]], header: ["b", "a"])
print(t.header, t.count, t.markdown)
# expect: ["b", "a"] 1 | b | a |
# expect: | --- | ---: |
# expect: | true | 1 |
# expect:
try { table([[1, 2]]) } catch e { print(e) }  # expect: table(): rows are lists: name the columns with header: [...], or give rows as dictionaries
try { table([[1, 2], [3]], header: ["a", "b"]) } catch e { print(e) }  # expect: table(): row 1 has 1 value but the header has 2 columns
table([["a": 1], [2]])  # expect error: table(): row 1 is a list, but row 0 is a dictionary: give all rows as dictionaries or all as lists
