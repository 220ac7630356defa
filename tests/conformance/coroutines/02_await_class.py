# Classes with __await__: delegate to another awaitable or return immediately.
import asyncio


class Ready:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        return self.v
        yield                       # makes __await__ a generator


class Delayed:
    def __init__(self, t, v):
        self.t, self.v = t, v

    def __await__(self):
        yield from asyncio.sleep(self.t).__await__()
        return self.v


class NotAnIterator:
    def __await__(self):
        return 42


async def main():
    loop = asyncio.get_running_loop()
    print(await Ready("now"), loop.time())
    print(await Delayed(1.5, "later"), loop.time())
    print(await asyncio.gather(Delayed(0.2, "a"), Delayed(0.1, "b")), loop.time())
    try:
        await NotAnIterator()
    except TypeError as e:
        print("TypeError:", e)
    try:
        await 42
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
