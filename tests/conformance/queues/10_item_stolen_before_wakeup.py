# put_nowait() wakes the first blocked getter, but it only runs in the next iteration:
# a get_nowait() in between takes the item, and the woken getter goes back to waiting.
import asyncio


async def getter(q, loop):
    item = await q.get()
    print(f"{loop.time():.1f} getter got {item!r}")


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    t = asyncio.create_task(getter(q, loop))
    await asyncio.sleep(0)
    q.put_nowait("first")
    print("stolen:", q.get_nowait())
    await asyncio.sleep(1)
    print("getter done?", t.done(), "| getters waiting:", len(q._getters))
    q.put_nowait("second")
    await t


asyncio.run(main())
