# ensure_future() on a coroutine, a future, a task and an awaitable object.
import asyncio


async def coro():
    return "from coroutine"


class Awaitable:
    def __await__(self):
        yield from asyncio.sleep(0.1).__await__()
        return "from __await__"


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.ensure_future(coro())
    print("coroutine ->", type(t).__name__, await t)
    f = loop.create_future()
    print("future returned as is:", asyncio.ensure_future(f) is f)
    print("task returned as is:", asyncio.ensure_future(t) is t)
    w = asyncio.ensure_future(Awaitable())
    print("awaitable ->", type(w).__name__, await w)
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print("TypeError:", e)
    print("await Awaitable() directly:", await Awaitable())
    f.cancel()


asyncio.run(main())
