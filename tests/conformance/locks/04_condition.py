# Condition: notify(n), notify_all(), wait_for(predicate), and the lock it needs.
import asyncio

items = []


async def consumer(cond, name, loop):
    async with cond:
        await cond.wait_for(lambda: items)
        print(f"{loop.time():.1f} {name} took {items.pop(0)}")


async def main():
    loop = asyncio.get_running_loop()
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    tasks = [asyncio.create_task(consumer(cond, f"c{i}", loop)) for i in range(4)]
    await asyncio.sleep(1)
    async with cond:
        items.extend(["x", "y"])
        cond.notify(2)
    await asyncio.sleep(1)
    async with cond:
        items.append("z")
        cond.notify_all()             # everyone re-checks; only one finds an item
    await asyncio.sleep(1)
    async with cond:
        items.append("last")
        cond.notify()
    await asyncio.gather(*tasks)
    print("left:", items)


asyncio.run(main())
