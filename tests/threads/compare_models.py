# The same I/O-bound job (four 0.5 s waits) done sequentially, with threads, with a thread
# pool, with asyncio, and with asyncio handing blocking calls to an executor.
import asyncio
import concurrent.futures
import threading
import time

URLS = ["a", "b", "c", "d"]


def fetch(url):
    time.sleep(0.5)
    return url.upper()


async def afetch(url):
    await asyncio.sleep(0.5)
    return url.upper()


def timed(label, fn):
    start = time.perf_counter()
    result = fn()
    print(f"{label:<22} {result} {time.perf_counter() - start:.1f}s")


def sequential():
    return [fetch(u) for u in URLS]


def with_threads():
    results = {}

    def work(u):
        results[u] = fetch(u)

    threads = [threading.Thread(target=work, args=(u,)) for u in URLS]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return [results[u] for u in URLS]


def with_pool():
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(fetch, URLS))


async def gather_coroutines():
    return await asyncio.gather(*(afetch(u) for u in URLS))


async def gather_executor():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        return await asyncio.gather(*(loop.run_in_executor(pool, fetch, u) for u in URLS))


timed("sequential", sequential)
timed("threads", with_threads)
timed("pool of 2", with_pool)
timed("asyncio.gather", lambda: asyncio.run(gather_coroutines()))
timed("asyncio + executor", lambda: asyncio.run(gather_executor()))
