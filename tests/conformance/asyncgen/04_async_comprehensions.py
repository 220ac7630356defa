# Async comprehensions of every kind, with awaits inside.
import asyncio


async def arange(n, delay=0.1):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i


async def double(x):
    await asyncio.sleep(0.01)
    return 2 * x


async def main():
    loop = asyncio.get_running_loop()
    print([i async for i in arange(4)], f"{loop.time():.2f}")
    print({i: await double(i) async for i in arange(3) if i != 1}, f"{loop.time():.2f}")
    print(sorted({i % 2 async for i in arange(5, 0)}))
    nested = [[j async for j in arange(i, 0)] async for i in arange(4, 0)]
    print(nested)
    gen = (await double(i) for i in range(3))
    print(type(gen).__name__, [x async for x in gen], f"{loop.time():.2f}")


asyncio.run(main())
