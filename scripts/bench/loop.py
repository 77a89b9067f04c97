import time
t = time.perf_counter()
total = 0
i = 0
while i < 10000000:
    total += i
    i += 1
print(f"name=loop_sum_1e7 seconds={time.perf_counter() - t:.3f} result={total}")
t = time.perf_counter()
total = 0
for i in range(10000000):
    total += i
print(f"name=for_sum_1e7 seconds={time.perf_counter() - t:.3f} result={total}")
