import asyncio
import time


async def heartbeat():
    for _ in range(3):
        print(f"{time.perf_counter():.1f} beat")
        await asyncio.sleep(0.5)


async def blocker():
    await asyncio.sleep(0.2)
    print(f"{time.perf_counter():.1f} blocking for 2s with time.sleep")
    time.sleep(2)  # pitfall: the whole loop stops, the heartbeat misses its beats
    print(f"{time.perf_counter():.1f} unblocked (fix: await asyncio.sleep, or run_in_executor)")


async def main():
    await asyncio.gather(heartbeat(), blocker())


asyncio.run(main())
