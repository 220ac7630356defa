# Without return_exceptions the first error is raised; later errors are not.
import asyncio


async def fail(name, t):
    await asyncio.sleep(t)
    print(f"{name} raising")
    raise ValueError(name)


async def ok(t):
    await asyncio.sleep(t)
    print("ok finished")
    return "ok"


async def main():
    loop = asyncio.get_running_loop()
    kids = [asyncio.create_task(c) for c in (fail("second", 0.2), fail("first", 0.1), ok(0.3))]
    try:
        await asyncio.gather(*kids)
    except ValueError as e:
        print(f"{loop.time():.1f} caught", repr(e))
    await asyncio.sleep(0.5)
    print("children:", [repr(k.exception()) for k in kids])
    g = asyncio.gather(fail("x", 0.1), return_exceptions=True)
    print("awaiting twice:", await g, await g)


asyncio.run(main())
