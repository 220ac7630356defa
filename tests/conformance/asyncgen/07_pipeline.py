# An async generator pipeline: source -> filter -> map, pulled lazily.
import asyncio


async def source(n):
    loop = asyncio.get_running_loop()
    for i in range(n):
        await asyncio.sleep(0.1)
        print(f"  {loop.time():.1f} source yields {i}")
        yield i


async def evens(it):
    async for x in it:
        if x % 2 == 0:
            yield x


async def squared(it):
    async for x in it:
        yield x * x


async def main():
    async for v in squared(evens(source(6))):
        print("result", v)


asyncio.run(main())
