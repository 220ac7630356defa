# concurrent.futures: submit, map, as_completed, wait, Future callbacks and thread names.
import concurrent.futures as cf
import threading
import time


def job(n):
    time.sleep(0.2 * n)
    return n * n, threading.current_thread().name


def fail():
    time.sleep(0.1)
    raise KeyError("boom")


start = time.perf_counter()
with cf.ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(job, n) for n in (3, 1, 2)]
    for f in cf.as_completed(futures):
        print("as_completed:", f.result())
    print(list(pool.map(job, [2, 1])))
    bad = pool.submit(fail)
    print(type(bad.exception()).__name__, bad.exception(), bad.done())
    try:
        bad.result()
    except KeyError as e:
        print("result() raised KeyError", e)
    f = pool.submit(job, 1)
    f.add_done_callback(lambda fut: print("callback:", fut.result()[0]))
    done, not_done = cf.wait([f, pool.submit(job, 3)], return_when=cf.FIRST_COMPLETED)
    print(len(done), len(not_done))
print(f"elapsed {time.perf_counter() - start:.1f}s")

with cf.ThreadPoolExecutor(max_workers=2) as pool:
    print(pool.submit(job, 0).result())
f = cf.Future()
print(f.done(), f.cancel(), f.cancelled())
with cf.ProcessPoolExecutor(max_workers=2) as pool:
    print(list(pool.map(abs, [-1, -2, 3])))
