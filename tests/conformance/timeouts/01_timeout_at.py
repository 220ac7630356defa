# asyncio.timeout_at(when) uses absolute loop time; when() and expired().
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 1
    try:
        async with asyncio.timeout_at(deadline) as cm:
            print("when() == deadline:", cm.when() == deadline, "| expired:", cm.expired())
            await asyncio.sleep(2)
    except TimeoutError as e:
        print(f"{loop.time():.1f} TimeoutError {e!r} expired={cm.expired()}")
        print("cause:", type(e.__cause__).__name__, "| context:", type(e.__context__).__name__)
    async with asyncio.timeout_at(loop.time() + 5) as cm:
        await asyncio.sleep(1)
    print(f"{loop.time():.1f} no timeout, expired={cm.expired()}")
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            print("body starts even with a past deadline")
            await asyncio.sleep(0)
            print("never")
    except TimeoutError:
        print(f"{loop.time():.1f} past deadline -> TimeoutError at the first await")


asyncio.run(main())
