# The GIL: one thread runs Python at a time. Sleeping threads release it, so their sleeps
# overlap; CPU-bound threads take turns every 5 ms (sys.getswitchinterval()), so two of them
# take as long as one after the other.
import threading
import time


def sleeper(n):
    time.sleep(n)
    print(f"{threading.current_thread().name} slept {n}s")


def counter(n):
    while n > 0: n -= 1  # one line: the trace records a line once, not per turn
    print(f"{threading.current_thread().name} counted down")


start = time.perf_counter()
threads = [threading.Thread(target=sleeper, args=(0.2,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"3 sleeps of 0.2s in threads: {time.perf_counter() - start:.2f}s")

start = time.perf_counter()
counter(400_000)
print(f"one count-down: {(time.perf_counter() - start) * 1000:.1f} ms")

start = time.perf_counter()
threads = [threading.Thread(target=counter, args=(400_000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"two in threads: {(time.perf_counter() - start) * 1000:.1f} ms")
