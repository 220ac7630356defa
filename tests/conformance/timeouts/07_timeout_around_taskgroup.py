# A timeout around a TaskGroup cancels the whole group and raises TimeoutError.
import asyncio


async def worker(name, t):
    try:
        await asyncio.sleep(t)
        print(f"{name} done")
    except asyncio.CancelledError:
        print(f"{name} cancelled")
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
        print(f"{loop.time():.1f} TimeoutError")


asyncio.run(main())
