# Exceptions from the inner awaitable pass through wait_for() unchanged.
import asyncio


async def broken(t):
    await asyncio.sleep(t)
    raise LookupError("missing")


async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(broken(0.2), timeout=1)
    except LookupError as e:
        print(f"{loop.time():.1f}", repr(e))
    try:
        await asyncio.wait_for(broken(2), timeout=1)
    except TimeoutError:
        print(f"{loop.time():.1f} timed out before it could fail")
    fut = loop.create_future()
    loop.call_later(0.1, fut.set_exception, ZeroDivisionError("zero"))
    try:
        await asyncio.wait_for(fut, 1)
    except ZeroDivisionError as e:
        print(f"{loop.time():.1f}", repr(e))


asyncio.run(main())
