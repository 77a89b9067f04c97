local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
local t = os.clock(); local r = fib(27)
print(string.format("name=fib27 seconds=%.3f result=%d", os.clock() - t, r))
