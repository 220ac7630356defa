# Children may add more tasks to the group while it is running.
import asyncio


async def spawner(tg, depth):
    print(f"spawner depth {depth}")
    await asyncio.sleep(0.1)
    if depth < 3:
        tg.create_task(spawner(tg, depth + 1))
    return depth


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg, 0))
    print(f"{loop.time():.1f} all spawned tasks finished")


asyncio.run(main())
