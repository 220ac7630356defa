# CPU-bound work gains nothing from a thread pool (the GIL); I/O-bound work does.
import concurrent.futures
import time


def cpu(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def io(n):
    time.sleep(0.3)
    return n


N = 200_000
start = time.perf_counter()
seq = [cpu(N) for _ in range(4)]
t_seq = time.perf_counter() - start
start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(4) as pool:
    par = list(pool.map(cpu, [N] * 4))
t_par = time.perf_counter() - start
print(seq == par, "pool not faster for CPU work:", t_par > 0.7 * t_seq)

start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(4) as pool:
    print(list(pool.map(io, range(4))), f"I/O in a pool: {time.perf_counter() - start:.1f}s")
