# asend()/athrow()/aclose() awaitables: reuse, running checks, closed generators.
import asyncio


async def ticker():
    try:
        for i in range(3):
            await asyncio.sleep(0.1)
            yield i
    finally:
        print("  ticker finally")


async def main():
    g = ticker()
    op = g.asend(None)
    print("first:", await op)
    try:
        await op
    except RuntimeError as e:
        print("RuntimeError:", e)
    t = asyncio.create_task(anext(g))
    await asyncio.sleep(0)
    for make in (lambda: g.athrow(ValueError("x")), g.aclose, g.__anext__):
        try:
            await make()
        except RuntimeError as e:
            print("RuntimeError:", e)
    print("task got", await t)
    c = g.aclose()
    print("aclose:", await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("athrow after close:", await g.athrow(KeyError("late")))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    print("anext default:", await anext(g, "dflt"))
    fresh = ticker()
    print("aclose fresh:", await fresh.aclose())
    try:
        await anext(fresh)
    except StopAsyncIteration:
        print("fresh: StopAsyncIteration")
    f2 = ticker()
    try:
        await f2.asend(5)
    except TypeError as e:
        print("TypeError:", e)
    print("after bad asend:", await anext(f2))
    await f2.aclose()


asyncio.run(main())
