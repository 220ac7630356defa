# Timers with the same deadline: the timer heap is a binary heap (heapq), not a FIFO.
# TimerHandle compares by deadline only, so equal deadlines come out in heap order.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    for i in range(10):
        loop.call_at(t0 + 1, print, "same deadline", i)
    await asyncio.sleep(2)
    print("---")
    for i in range(7):
        loop.call_later(1, print, "call_later(1)", i)
    await asyncio.sleep(2)
    print("--- interleaved deadlines")
    for i, d in enumerate([0.3, 0.1, 0.3, 0.2, 0.1, 0.3, 0.2, 0.1, 0.3]):
        loop.call_later(d, print, f"d={d}", i)
    await asyncio.sleep(1)


asyncio.run(main())
