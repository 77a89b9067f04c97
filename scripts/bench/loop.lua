local t = os.clock()
local total, i = 0, 0
while i < 10000000 do total = total + i; i = i + 1 end
print(string.format("name=loop_sum_1e7 seconds=%.3f result=%d", os.clock() - t, total))
t = os.clock(); total = 0
for j = 0, 9999999 do total = total + j end
print(string.format("name=for_sum_1e7 seconds=%.3f result=%d", os.clock() - t, total))
