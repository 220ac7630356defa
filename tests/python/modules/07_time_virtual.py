# time.sleep and time differences. loopscope's clock is virtual (starts at 0.0, sleep advances it);
# CPython's is real, so differences are truncated to tenths (tolerating up to 0.09s of overhead
# on a loaded machine) before printing with one decimal.
import time
def tenths(seconds):
    return f"{int(seconds * 10 + 0.01) / 10:.1f}"
start = time.time()
time.sleep(0.2)
print(f"slept {tenths(time.time() - start)}s")
t0 = time.monotonic()
time.sleep(0.5)
print(f"monotonic {tenths(time.monotonic() - t0)}")
def timed(label, seconds):
    begin = time.time()
    time.sleep(seconds)
    print(f"{label}: {tenths(time.time() - begin)}s")
timed("short", 0.1)
timed("longer", 0.3)
total_start = time.perf_counter()
for _ in range(3):
    time.sleep(0.1)
print(f"loop {tenths(time.perf_counter() - total_start)}")
before = time.time()
time.sleep(0)
print(f"zero sleep {tenths(time.time() - before)}")
print(type(time.time()).__name__, type(time.monotonic()).__name__, time.time() > start)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError:", e)
