# Cancelling the task that is inside wait_for() cancels the inner awaitable too.
import asyncio


async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("inner cancelled")
        raise


async def outer():
    try:
        await asyncio.wait_for(inner(), timeout=5)
    except asyncio.CancelledError:
        print("outer cancelled (not a timeout)")
        raise


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(outer())
    await asyncio.sleep(1)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print(f"{loop.time():.1f} cancelled? {t.cancelled()}")


asyncio.run(main())
