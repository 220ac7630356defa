# @asynccontextmanager: code before/after yield, exceptions thrown in at the yield.
import asyncio
import contextlib


@contextlib.asynccontextmanager
async def resource(name):
    print(f"open {name}")
    await asyncio.sleep(0.1)
    try:
        yield f"<{name}>"
    except ValueError as e:
        print(f"{name} handled {e!r}")
    finally:
        await asyncio.sleep(0.1)
        print(f"close {name}")


@contextlib.asynccontextmanager
async def no_yield():
    if False:
        yield


async def main():
    loop = asyncio.get_running_loop()
    async with resource("r1") as r:
        print("using", r)
    async with resource("r2"):
        raise ValueError("handled inside")
    print("ValueError was swallowed by the generator")
    try:
        async with resource("r3"):
            raise TypeError("not handled")
    except TypeError as e:
        print("propagated", repr(e))
    try:
        async with no_yield():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(f"{loop.time():.1f}")


asyncio.run(main())
