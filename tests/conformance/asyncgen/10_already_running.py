# Two consumers pulling from the same async generator concurrently: the second anext()
# while the first is suspended inside the generator raises RuntimeError.
import asyncio


async def slow_numbers():
    for i in range(3):
        await asyncio.sleep(0.5)
        yield i


async def main():
    g = slow_numbers()
    a = asyncio.create_task(anext(g))
    await asyncio.sleep(0)
    try:
        await anext(g)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("first consumer got", await a)
    print("rest:", [x async for x in g])
    try:
        async for x in [1, 2]:
            pass
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
