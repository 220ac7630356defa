# shield(): the inner failure reaches the awaiter; a cancelled outer leaves the inner alone.
import asyncio


async def risky(t, fail):
    await asyncio.sleep(t)
    if fail:
        raise RuntimeError("inner failed")
    return "inner ok"


async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.shield(risky(0.1, True))
    except RuntimeError as e:
        print("caught", repr(e))
    inner = asyncio.create_task(risky(1, True))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0.5)
    print("outer.cancel() ->", outer.cancel())
    await asyncio.sleep(1)
    print("outer cancelled?", outer.cancelled(), "| inner:", repr(inner.exception()))


asyncio.run(main())
