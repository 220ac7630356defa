# A very long sleep: the loop never waits more than one day per iteration.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(100000)
    print(loop.time())
    await asyncio.sleep(0.1)
    print(loop.time())
    loop.call_later(200000.5, print, "timer far away")
    await asyncio.sleep(300000)
    print(loop.time(), f"{loop.time():.1f}")


asyncio.run(main())
