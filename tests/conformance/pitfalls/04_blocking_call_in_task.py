# time.sleep() inside a task freezes all the others: timers fire late, all at once.
import asyncio
import time


async def ticker(loop):
    for i in range(4):
        await asyncio.sleep(0.25)
        print(f"{loop.time():.2f} tick {i}")


async def blocker(loop):
    await asyncio.sleep(0.3)
    print(f"{loop.time():.2f} blocker: time.sleep(1) starts")
    time.sleep(1)
    print(f"{loop.time():.2f} blocker: done")


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.gather(ticker(loop), blocker(loop))


asyncio.run(main())
