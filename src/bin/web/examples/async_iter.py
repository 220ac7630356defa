import asyncio


class Ticker:
    """An async iterator written by hand."""

    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await asyncio.sleep(0.5)
        self.i += 1
        return self.i


async def countdown(n):
    """The same with an async generator."""
    while n > 0:
        await asyncio.sleep(0.5)
        yield n
        n -= 1


async def main():
    async for t in Ticker(3):
        print("tick", t)
    print([n async for n in countdown(3)])


asyncio.run(main())
