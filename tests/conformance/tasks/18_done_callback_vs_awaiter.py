# When a task finishes, its done callbacks and its awaiters' wakeups run in the order
# they were registered.
import asyncio


async def job():
    await asyncio.sleep(1)
    return "result"


async def awaiter(name, t):
    r = await t
    print(f"awaiter {name} got {r}")


async def main():
    t = asyncio.create_task(job())
    t.add_done_callback(lambda _: print("done callback 1"))
    a = asyncio.create_task(awaiter("A", t))
    await asyncio.sleep(0)
    t.add_done_callback(lambda _: print("done callback 2"))
    b = asyncio.create_task(awaiter("B", t))
    await asyncio.gather(a, b)


asyncio.run(main())
