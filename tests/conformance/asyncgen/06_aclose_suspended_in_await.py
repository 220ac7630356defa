# aclose() throws GeneratorExit at the yield; yielding again in finally is an error.
import asyncio


async def stubborn():
    try:
        yield 1
    finally:
        print("  finally: trying to yield again")
        yield 2


async def polite():
    try:
        yield 1
    except GeneratorExit:
        print("  polite: GeneratorExit")
        await asyncio.sleep(0.5)
        print("  polite: async cleanup done")
        raise


async def main():
    loop = asyncio.get_running_loop()
    g = stubborn()
    await anext(g)
    try:
        await g.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)
    p = polite()
    await anext(p)
    await p.aclose()
    print(f"{loop.time():.1f} closed")


asyncio.run(main())
