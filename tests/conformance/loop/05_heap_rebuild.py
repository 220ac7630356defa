# When more than 100 timers are scheduled and more than half are cancelled, the loop
# rebuilds its heap (heapify) instead of popping them one by one: tie order can change.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    handles = []
    for i in range(120):
        handles.append(loop.call_at(t0 + 1 + (i % 3), print, "timer", i, "deadline", 1 + i % 3))
    for i, h in enumerate(handles):
        if i % 10 not in (0, 7):
            h.cancel()
    print("scheduled 120, cancelled", sum(h.cancelled() for h in handles))
    await asyncio.sleep(0)
    print("after one iteration")
    await asyncio.sleep(5)
    print("--- fewer than 100 timers: no rebuild")
    handles = [loop.call_at(loop.time() + 1, print, "small", i) for i in range(12)]
    for h in handles[1::2]:
        h.cancel()
    await asyncio.sleep(2)


asyncio.run(main())
