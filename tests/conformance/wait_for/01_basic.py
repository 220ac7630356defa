# wait_for(): result in time, TimeoutError, and timeout=None.
import asyncio


async def work(t):
    try:
        await asyncio.sleep(t)
        return f"work({t})"
    except asyncio.CancelledError:
        print(f"  work({t}) cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.wait_for(work(1), timeout=2), loop.time())
    try:
        await asyncio.wait_for(work(5), timeout=1.5)
    except TimeoutError as e:
        print("TimeoutError", repr(e), "| cause:", type(e.__cause__).__name__, loop.time())
    print(await asyncio.wait_for(work(3), timeout=None), loop.time())
    t = asyncio.create_task(work(1))
    try:
        await asyncio.wait_for(t, 0.5)
    except asyncio.TimeoutError:
        print("the task was cancelled by wait_for:", t.cancelled(), loop.time())


asyncio.run(main())
