# A generator last referenced by a finished task's asend() object is finalized when that task
# is gone: after the step that awaited it (or after gather's outer future), not before.
import asyncio


async def ticker(name):
    try:
        for i in range(5):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print(f"  {name} finally")


async def via_task():
    g = ticker("task")
    t = asyncio.create_task(anext(g))
    print("task got", await t)
    del t
    print("via_task done")


async def via_gather():
    g = ticker("gather")
    print("gather got", await asyncio.gather(anext(g), asyncio.sleep(0, "slept")))
    print("via_gather done")


async def main():
    await asyncio.create_task(via_task())
    await asyncio.sleep(0.5)
    await asyncio.create_task(via_gather())
    await asyncio.sleep(0.5)
    print("main done")


asyncio.run(main())
