# + - * / ** and unary minus, with numbers on either side.
let t = tensor([1, 2, 4])
print(t + 1, 1 + t)  # expect: tensor([2, 3, 5]) tensor([2, 3, 5])
print(t - 1, 10 - t)  # expect: tensor([0, 1, 3]) tensor([9, 8, 6])
print(t * 3, 3 * t)  # expect: tensor([ 3,  6, 12]) tensor([ 3,  6, 12])
print(t / 2, 8 / t)  # expect: tensor([0.5, 1.0, 2.0]) tensor([8, 4, 2])
print(t ** 2, 2 ** t)  # expect: tensor([ 1,  4, 16]) tensor([ 2,  4, 16])
print(t ** tensor([0, 1, 0.5]))  # expect: tensor([1, 2, 2])
print(-t)  # expect: tensor([-1, -2, -4])
print(-t ** 2)  # expect: tensor([ -1,  -4, -16])
print(t / 0)  # expect: tensor([inf, inf, inf])
var u = t
u += 1
print(u, t)  # expect: tensor([2, 3, 5]) tensor([1, 2, 4])
try { t % 2 } catch e { print(e) }  # expect: cannot apply '%' to Tensor and number
try { t + "a" } catch e { print(e) }  # expect: cannot apply '+' to Tensor and string; use interpolation to build strings: "\(x)"
try { t + [1, "a", 3] } catch e { print(e) }  # expect: '+': item [1] is a string; a tensor holds numbers
print(t.pow(3), t.maximum(2), t.minimum([3, 3, 3]))  # expect: tensor([ 1,  8, 64]) tensor([2, 2, 4]) tensor([1, 2, 3])
print(tensor([-2, 0.5, 3]).clamped(min: 0, max: 1))  # expect: tensor([0.0, 0.5, 1.0])
