# Blocking work in threads on the real clock: three 0.2 s sleeps in the default executor
# overlap, four threads sleeping 0.1 s take 0.1 s, time.sleep in the loop's thread blocks it.
import asyncio
import threading
import time


def work(n):
    time.sleep(0.2)
    return n * 2


async def main():
    loop = asyncio.get_running_loop()
    # Starts the executor (its code loads slowly in a debug build): not timed.
    await loop.run_in_executor(None, work, 0)
    t0 = time.time()
    r = await asyncio.gather(*(loop.run_in_executor(None, work, i) for i in range(3)))
    print(r, 0.2 <= time.time() - t0 < 0.35)
    t0 = time.time()
    ts = [threading.Thread(target=time.sleep, args=(0.1,)) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print('threads overlap:', 0.1 <= time.time() - t0 < 0.25)
    t0 = loop.time()
    print(await asyncio.to_thread(work, 5), 0.2 <= loop.time() - t0 < 0.35)


asyncio.run(main())
