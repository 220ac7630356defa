# Heap order with ties, cancellations at the top of the heap, and timers added while
# others with the same deadline are already waiting.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    hs = {}
    for i, d in enumerate([2, 1, 2, 1, 3, 1, 2, 3, 1]):
        hs[i] = loop.call_at(t0 + d, print, f"timer {i} (deadline {d})")
    hs[1].cancel()                     # one of the earliest: dropped when it reaches the top
    hs[6].cancel()
    await asyncio.sleep(0.5)
    for i, d in ((9, 1), (10, 2), (11, 1)):
        hs[i] = loop.call_at(t0 + d, print, f"timer {i} (deadline {d}, added later)")
    await asyncio.sleep(1)
    print("--- at 1.5")
    hs[12] = loop.call_at(t0 + 2, print, "timer 12 (deadline 2, added at 1.5)")
    hs[4].cancel()
    await asyncio.sleep(2)


asyncio.run(main())
