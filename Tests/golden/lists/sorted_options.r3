let people = [["name": "bo", "age": 30], ["name": "al", "age": 25], ["name": "cy", "age": 30]]
print(people.sorted(key: fn(p) { p.age }).map(fn(p) { p.name }))   # expect: ["al", "bo", "cy"]
print([3, 1, 2].sorted(by: fn(a, b) { a > b }))                    # expect: [3, 2, 1]
print(["b", "a", "c"].sorted(descending: true))                     # expect: ["c", "b", "a"]
