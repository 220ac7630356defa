# Cancelling a task that awaits another task cancels the inner one too.
import asyncio


async def inner():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("inner: cancelled")
        raise
    return "inner result"


async def outer(t):
    try:
        return await t
    except asyncio.CancelledError:
        print("outer: cancelled, inner done?", t.done())
        raise


async def main():
    i = asyncio.create_task(inner(), name="inner")
    o = asyncio.create_task(outer(i), name="outer")
    await asyncio.sleep(1)
    o.cancel()
    res = await asyncio.gather(o, i, return_exceptions=True)
    print([type(r).__name__ for r in res], "inner cancelled?", i.cancelled())

    i2 = asyncio.create_task(inner())
    o2 = asyncio.create_task(outer(i2))
    await asyncio.sleep(1)
    i2.cancel()                    # cancelling the inner one: outer sees CancelledError
    res = await asyncio.gather(o2, return_exceptions=True)
    print("outer2:", type(res[0]).__name__, "cancelled?", o2.cancelled())


asyncio.run(main())
