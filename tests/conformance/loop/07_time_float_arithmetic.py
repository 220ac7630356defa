# loop.time() is a float: sums of fractional sleeps show binary rounding.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    print(loop.time())
    await asyncio.sleep(0.1)
    print(loop.time())
    await asyncio.sleep(0.2)
    print(loop.time(), loop.time() == 0.3, 0.1 + 0.2)
    for _ in range(7):
        await asyncio.sleep(0.1)
    print(loop.time())
    await asyncio.sleep(1 / 3)
    print(loop.time(), f"{loop.time():.3f}")
    h = loop.call_later(0.7, print, "timer")
    print("when:", h.when())
    await asyncio.sleep(0.7)
    print(loop.time())
    await asyncio.sleep(1e-10)
    print("after 1e-10:", loop.time())
    await asyncio.sleep(2.675)
    print(loop.time(), round(loop.time(), 2))


asyncio.run(main())
