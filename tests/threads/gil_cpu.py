# The GIL: two CPU-bound threads take as long as running the same work twice in sequence.
import threading
import time


def count(n):
    while n > 0:
        n -= 1


N = 300_000
start = time.perf_counter()
count(N)
count(N)
sequential = time.perf_counter() - start

start = time.perf_counter()
t1 = threading.Thread(target=count, args=(N,))
t2 = threading.Thread(target=count, args=(N,))
t1.start()
t2.start()
t1.join()
t2.join()
threaded = time.perf_counter() - start

print("threads are not faster:", threaded > 0.7 * sequential)
import sys
print("switch interval:", sys.getswitchinterval())
