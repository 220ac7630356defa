# The async iterator protocol by hand: __aiter__ must be sync, __anext__ awaitable.
import asyncio


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await asyncio.sleep(0.1)
        self.n -= 1
        return self.n + 1


class BadAiter:
    async def __aiter__(self):         # wrong: async __aiter__
        return self


async def main():
    loop = asyncio.get_running_loop()
    async for n in Countdown(3):
        print(f"{loop.time():.1f} {n}")
    it = Countdown(2).__aiter__()
    print(await it.__anext__(), await it.__anext__())
    try:
        await it.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")
    try:
        async for x in BadAiter():
            pass
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
