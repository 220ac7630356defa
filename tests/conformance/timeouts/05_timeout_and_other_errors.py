# An ordinary exception inside timeout() passes through; CancelledError from outside stays
# CancelledError.
import asyncio


async def body(loop):
    async with asyncio.timeout(2):
        await asyncio.sleep(0.5)
        raise KeyError("inside")


async def victim(loop):
    try:
        async with asyncio.timeout(5):
            await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{loop.time():.1f} victim: CancelledError, not TimeoutError")
        raise


async def main():
    loop = asyncio.get_running_loop()
    try:
        await body(loop)
    except KeyError as e:
        print(f"{loop.time():.1f} KeyError passed through: {e}")
    t = asyncio.create_task(victim(loop))
    await asyncio.sleep(1)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("victim cancelled?", t.cancelled())
    try:
        async with asyncio.timeout(1):
            try:
                await asyncio.sleep(3)
            except asyncio.CancelledError:
                print(f"{loop.time():.1f} body saw CancelledError and swallowed it")
    except TimeoutError:
        print("TimeoutError anyway")
    print(f"{loop.time():.1f} end")


asyncio.run(main())
