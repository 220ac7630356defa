# A heartbeat with sleep(interval) drifts when each beat takes time; call_at does not.
import asyncio
import time


async def drifting(loop, beats):
    for i in range(beats):
        print(f"drift beat {i} at {loop.time():.2f}")
        time.sleep(0.05)                  # work that blocks the loop
        await asyncio.sleep(0.5)


async def steady(loop, beats):
    start = loop.time()
    for i in range(beats):
        print(f"steady beat {i} at {loop.time():.2f}")
        time.sleep(0.05)
        await asyncio.sleep(start + (i + 1) * 0.5 - loop.time())


async def main():
    loop = asyncio.get_running_loop()
    await drifting(loop, 4)
    await steady(loop, 4)
    print("raw:", loop.time())


asyncio.run(main())
