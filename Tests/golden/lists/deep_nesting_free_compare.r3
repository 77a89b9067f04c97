# Collections nested 100,000 deep compare and are freed (without recursion: see InterpreterTests);
# a cycle compares as equal to an equal cycle.
var x = []
var y = []
for i in 0..<100000 { x = [x]; y = [y] }
print(x == y)  # expect: true
y = [y]
print(x == y)  # expect: false
x = nil
y = nil
var node = nil
for i in 0..<100000 { node = ["value": i, "next": node] }
print(node.value, node.next.value)  # expect: 99999 99998
node = nil
print("freed")  # expect: freed
let a = [1]
a.append(a)
let b = [1]
b.append(b)
print(a == b, [nan] == [nan], ["k": [1, [2]]] == ["k": [1, [2]]])  # expect: true false true
