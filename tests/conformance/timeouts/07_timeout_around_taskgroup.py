# A timeout around a TaskGroup cancels the whole group and raises TimeoutError.
# (The group cancels its children in set order, i.e. by memory address: only record them.)
import asyncio

cancelled = []


async def worker(name, t):
    try:
        await asyncio.sleep(t)
        print(f"{name} done")
    except asyncio.CancelledError:
        cancelled.append(name)
        raise


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(worker("fast", 0.5))
                tg.create_task(worker("slow", 2))
                tg.create_task(worker("slower", 3))
    except TimeoutError:
        print(f"{loop.time():.1f} TimeoutError; cancelled: {sorted(cancelled)}")


asyncio.run(main())
