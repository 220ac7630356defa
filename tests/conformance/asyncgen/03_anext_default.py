# anext(gen, default) and aiter(); StopAsyncIteration without a default.
import asyncio


async def two():
    yield 1
    yield 2


async def main():
    g = two()
    print(await anext(g, "end"), await anext(g, "end"), await anext(g, "end"), await anext(g, "end"))
    try:
        await anext(two().__aiter__().__anext__.__self__)
        print("anext works on the aiter() result")
    except Exception as e:
        print(type(e).__name__, e)
    g = two()
    print(aiter(g) is g)
    await anext(g)
    await anext(g)
    try:
        await anext(g)
    except StopAsyncIteration as e:
        print("StopAsyncIteration", repr(e))
    try:
        anext([1, 2])
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
