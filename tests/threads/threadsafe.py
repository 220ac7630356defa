# A thread hands work to the event loop: run_coroutine_threadsafe and call_soon_threadsafe.
import asyncio
import threading
import time


async def double(x):
    await asyncio.sleep(0.1)
    return x * 2


def from_thread(loop, out):
    fut = asyncio.run_coroutine_threadsafe(double(21), loop)
    out.append(fut.result(timeout=5))
    loop.call_soon_threadsafe(print, "hello from", threading.current_thread().name)


async def main():
    loop = asyncio.get_running_loop()
    out = []
    t = threading.Thread(target=from_thread, args=(loop, out), name="helper")
    t.start()
    await asyncio.sleep(0.5)
    t.join()
    print("result", out)
    import concurrent.futures
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        cf = pool.submit(time.sleep, 0.2)
        r = await asyncio.wrap_future(cf)
        print("wrapped", r)


asyncio.run(main())
