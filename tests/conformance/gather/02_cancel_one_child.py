# Cancelling one child: gather() raises CancelledError, or returns it with return_exceptions.
import asyncio


async def child(name, t):
    await asyncio.sleep(t)
    print(f"{name} finished")
    return name


async def main():
    kids = [asyncio.create_task(child(n, t)) for n, t in (("a", 1), ("b", 2), ("c", 3))]
    g = asyncio.gather(*kids)
    await asyncio.sleep(0.5)
    kids[1].cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather raised CancelledError; gather cancelled?", g.cancelled())
    print("others still running:", [k.done() for k in kids])
    await asyncio.sleep(3)
    kids = [asyncio.create_task(child(n, t)) for n, t in (("x", 1), ("y", 2))]
    g = asyncio.gather(*kids, return_exceptions=True)
    await asyncio.sleep(0.5)
    kids[0].cancel()
    print("with return_exceptions:", [type(r).__name__ for r in await g])


asyncio.run(main())
