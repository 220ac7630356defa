# time.sleep and time differences formatted with one decimal (deterministic on any clock).
import time
start = time.time()
time.sleep(0.2)
print(f"slept {time.time() - start:.1f}s")
t0 = time.monotonic()
time.sleep(0.5)
print(f"monotonic {time.monotonic() - t0:.1f}")
def timed(label, seconds):
    begin = time.time()
    time.sleep(seconds)
    print(f"{label}: {time.time() - begin:.1f}s")
timed("short", 0.1)
timed("longer", 0.3)
total_start = time.perf_counter()
for _ in range(3):
    time.sleep(0.1)
print(f"loop {time.perf_counter() - total_start:.1f}")
before = time.time()
time.sleep(0)
print(f"zero sleep {time.time() - before:.1f}")
print(type(time.time()).__name__, type(time.monotonic()).__name__)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError:", e)
