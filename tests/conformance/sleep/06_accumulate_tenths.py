# Ten sleeps of 0.1 do not add up to exactly 1.0.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    for i in range(10):
        await asyncio.sleep(0.1)
        print(i, loop.time())
    print(loop.time() == 1.0, sum([0.1] * 10))
    start = loop.time()
    await asyncio.sleep(0.3)
    print("elapsed:", loop.time() - start)


asyncio.run(main())
