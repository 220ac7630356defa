import asyncio


async def save(x):
    await asyncio.sleep(1)
    print("saved", x)


async def main():
    save(1)  # pitfall: a coroutine object is created, but never runs
    await save(2)  # fixed: await it (or wrap it in create_task)


asyncio.run(main())
