# aclose() of a generator whose finally awaits; the cleanup may even catch the GeneratorExit
# and return; athrow() whose exception is handled by yielding a value.
import asyncio


async def resource(name):
    print(f"  {name} open")
    try:
        yield f"{name}-1"
        yield f"{name}-2"
    finally:
        await asyncio.sleep(0.2)
        print(f"  {name} closed at {asyncio.get_running_loop().time():.1f}")


async def swallow():
    try:
        yield 1
    except GeneratorExit:
        print("  swallow: returning instead")
        return


async def handler():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("  handler got", e)
            await asyncio.sleep(0.1)


async def main():
    r = resource("db")
    print(await anext(r))
    await r.aclose()
    s = swallow()
    await anext(s)
    print("swallow aclose:", await s.aclose())
    h = handler()
    print(await anext(h))
    print("athrow ->", await h.athrow(ValueError("bad")))
    print("athrow ->", await h.athrow(ValueError, ValueError("worse")))
    await h.aclose()
    print("done")


asyncio.run(main())
