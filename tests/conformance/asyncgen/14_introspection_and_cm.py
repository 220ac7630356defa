# ag_running (CPython's ag_running_async: true while an asend() waits inside an await), ag_await,
# contextlib.asynccontextmanager and async comprehensions.
import asyncio, contextlib

async def gen():
    try:
        yield 1
        await asyncio.sleep(0.1)
        yield 2
    finally:
        print("  gen finally, running:", g.ag_running)

@contextlib.asynccontextmanager
async def cm():
    print("  cm enter")
    try:
        yield "res"
    except KeyError as e:
        print("  cm saw", repr(e))
    finally:
        await asyncio.sleep(0.1)
        print("  cm exit")

async def main():
    global g
    g = gen()
    print(g.ag_running, g.ag_frame is not None, g.ag_await, g.__name__, g.__qualname__)
    print(await g.__anext__(), g.ag_running)
    t = asyncio.create_task(g.__anext__())
    await asyncio.sleep(0.05)
    print("while awaiting inside:", g.ag_running, type(g.ag_await).__name__)
    print(await t)
    await g.aclose()
    print(g.ag_frame)
    async with cm() as r:
        print("body", r)
    async with cm():
        raise KeyError("k")
    print("after cm")
    async def agen2():
        yield 1
        yield 2
    res = [x async for x in agen2() if x > 1]
    print(res, await anext(agen2()))
    a3 = agen2()
    print(await a3.asend(None), await a3.asend(None))
    try:
        await a3.asend(None)
    except StopAsyncIteration:
        print("stop")
    print(a3.ag_frame, a3.ag_running)

asyncio.run(main())
