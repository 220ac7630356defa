# threading.Thread with time.sleep: the sleeps overlap, so three 1-second jobs take 1 second.
import threading
import time


def worker(n, delay):
    time.sleep(delay)
    print(f"worker {n} done after {delay}s in {threading.current_thread().name}")


start = time.perf_counter()
threads = [threading.Thread(target=worker, args=(i, 0.3 * (3 - i))) for i in range(3)]
print([t.name for t in threads])
print(threads[0].is_alive())
for t in threads:
    t.start()
print("started", threading.active_count())
for t in threads:
    t.join()
print("all joined", threading.active_count(), threads[0].is_alive())
print(f"elapsed {time.perf_counter() - start:.1f}s")

t = threading.Thread(target=time.sleep, args=(0.5,), name="sleeper", daemon=True)
t.start()
t.join(timeout=0.2)
print(t.name, t.daemon, "alive after join(0.2):", t.is_alive())
t.join()
print("alive after join():", t.is_alive())
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
