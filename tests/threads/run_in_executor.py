# The course example: blocking calls run in a thread pool while the event loop keeps ticking.
import asyncio
import concurrent.futures
import time


def blocking_io(n):
    time.sleep(1)
    return f"io {n}"


async def ticker():
    for i in range(4):
        print(f"tick {i}")
        await asyncio.sleep(0.3)


async def main():
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        results = await asyncio.gather(
            loop.run_in_executor(pool, blocking_io, 1),
            loop.run_in_executor(pool, blocking_io, 2),
            loop.run_in_executor(pool, blocking_io, 3),
            ticker(),
        )
    print(results)
    print(f"three 1s calls in a pool of 3 took {time.perf_counter() - start:.1f}s")

    start = time.perf_counter()
    r = await loop.run_in_executor(None, blocking_io, 4)
    print(r, f"{time.perf_counter() - start:.1f}s in the default executor")


asyncio.run(main())
