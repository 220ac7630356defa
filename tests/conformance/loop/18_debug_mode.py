# Debug mode: call_soon() checks its callback, and slow steps are logged on stderr.
import asyncio
import time


async def coro_fn():
    pass


async def main():
    loop = asyncio.get_running_loop()
    print("debug?", loop.get_debug())
    try:
        loop.call_soon(42)
    except TypeError as e:
        print("TypeError:", e)
    try:
        loop.call_soon(coro_fn)
    except TypeError as e:
        print("TypeError:", e)
    time.sleep(0.2)                   # "Executing <Task ...> took 0.200 seconds" on stderr
    await asyncio.sleep(0)
    loop.set_debug(False)
    print("debug now?", loop.get_debug())
    h = loop.call_soon(42)
    print("without debug it is accepted:", type(h).__name__)
    h.cancel()


asyncio.run(main(), debug=True)
