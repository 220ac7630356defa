# Under the simulated clock, time.time(), time.monotonic(), time.perf_counter() and
# loop.time() all read the same virtual time; time.sleep() advances it (blocking the loop).
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    print(time.time(), time.monotonic(), time.perf_counter(), loop.time())
    await asyncio.sleep(0.25)
    print(time.time(), time.monotonic() == loop.time())
    time.sleep(0.5)
    print(time.perf_counter(), loop.time())
    start = time.perf_counter()
    await asyncio.gather(asyncio.sleep(0.1), asyncio.sleep(0.3))
    elapsed = time.perf_counter() - start
    print(f"gather took {elapsed:.3f}s", elapsed)


asyncio.run(main())
