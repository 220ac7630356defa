# Real timers: sleeps overlap on the loop, time.sleep blocks it, call_later fires on time.
import asyncio
import time


async def nap(d, log):
    await asyncio.sleep(d)
    log.append(d)


async def main():
    loop = asyncio.get_running_loop()
    log = []
    t0, w0 = loop.time(), time.time()
    await asyncio.gather(nap(0.3, log), nap(0.1, log), nap(0.2, log))
    t1 = loop.time()
    print('order:', log)
    print('overlapped:', 0.3 <= t1 - t0 < 0.45, 0.3 <= time.time() - w0 < 0.45)
    time.sleep(0.1)
    print('time.sleep blocks:', 0.1 <= loop.time() - t1 < 0.2)
    fired = loop.create_future()
    t2 = loop.time()
    loop.call_later(0.1, lambda: fired.set_result(loop.time() - t2))
    print('call_later:', 0.1 <= await fired < 0.2)


asyncio.run(main())
