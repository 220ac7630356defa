import asyncio

items = []


async def consumer(name, cond):
    async with cond:
        await cond.wait_for(lambda: items)
        print(name, "took", items.pop(0))


async def main():
    cond = asyncio.Condition()
    consumers = [asyncio.create_task(consumer(n, cond)) for n in ("A", "B")]
    for item in ("x", "y"):
        await asyncio.sleep(1)
        async with cond:
            items.append(item)
            print("produced", item)
            cond.notify()  # wakes one waiter
    await asyncio.gather(*consumers)


asyncio.run(main())
