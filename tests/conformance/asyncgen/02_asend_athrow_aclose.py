# asend(), athrow() and aclose() on an async generator, with their return values.
import asyncio


async def agen():
    received = []
    try:
        while True:
            try:
                x = yield len(received)
                received.append(x)
            except KeyError as e:
                print("  agen caught", repr(e))
                yield "recovered"
    finally:
        print("  agen finally, received:", received)


async def main():
    g = agen()
    print(await g.asend(None))
    print(await g.asend("a"))
    print(await g.asend("b"))
    print(await g.athrow(KeyError("k")))
    print(await g.asend("c"))
    print("aclose ->", await g.aclose())
    print("aclose again ->", await g.aclose())
    try:
        await g.asend("d")
    except StopAsyncIteration:
        print("StopAsyncIteration after close")
    g2 = agen()
    try:
        await g2.asend("x")
    except TypeError as e:
        print("TypeError:", e)
    try:
        await g2.athrow(ValueError("never started"))
    except ValueError as e:
        print("athrow on a fresh generator raises it:", repr(e))


asyncio.run(main())
