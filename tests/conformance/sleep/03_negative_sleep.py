# A negative delay sleeps like sleep(0); a tiny positive one still goes through a timer.
import asyncio


async def other(loop):
    print("other task ran at", loop.time())


async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(other(loop))
    await asyncio.sleep(-1)
    print("after sleep(-1):", loop.time())
    asyncio.create_task(other(loop))
    await asyncio.sleep(-0.0)
    print("after sleep(-0.0):", loop.time())
    await asyncio.sleep(0.001)
    print("after sleep(0.001):", loop.time())
    await asyncio.sleep(False)
    print("after sleep(False):", loop.time())
    try:
        await asyncio.sleep("1")
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
