# A task that cancels itself: CancelledError arrives at its next await; if it returns
# without awaiting, it still ends up cancelled.
import asyncio


async def self_cancel_then_await():
    asyncio.current_task().cancel()
    print("after cancel(), still running")
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("CancelledError at the next await")
        raise


async def self_cancel_then_return():
    asyncio.current_task().cancel()
    print("returning without awaiting")
    return "value"


async def main():
    for fn in (self_cancel_then_await, self_cancel_then_return):
        t = asyncio.create_task(fn())
        try:
            print("result:", await t)
        except asyncio.CancelledError:
            print(fn.__name__, "-> cancelled?", t.cancelled())


asyncio.run(main())
