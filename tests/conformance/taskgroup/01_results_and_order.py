# TaskGroup waits for all children; children start in creation order.
import asyncio


async def child(name, t):
    print(f"{name} start")
    await asyncio.sleep(t)
    print(f"{name} end")
    return name.upper()


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(child(n, t)) for n, t in (("a", 0.2), ("b", 0.1), ("c", 0.3))]
        print("body: created", [t.get_name() for t in tasks])
    print(f"{loop.time():.1f}", [t.result() for t in tasks])
    async with asyncio.TaskGroup() as tg:
        pass
    print("empty group ok")
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(child("named", 0), name="custom-name")
    print(t.get_name(), t.result())


asyncio.run(main())
