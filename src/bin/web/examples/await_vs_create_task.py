import asyncio
import time


async def job(name, delay):
    await asyncio.sleep(delay)
    print(f"{time.perf_counter():.1f} {name} done")


async def main():
    # Awaiting coroutines one by one: they run one after the other.
    await job("a", 1)
    await job("b", 1)
    # Tasks start at once and run concurrently.
    t1 = asyncio.create_task(job("c", 1))
    t2 = asyncio.create_task(job("d", 1))
    await t1
    await t2
    print(f"total {time.perf_counter():.1f}s")


asyncio.run(main())
