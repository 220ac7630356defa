# A child cancelled on its own does not fail the group.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(asyncio.sleep(5, "a"))
        b = tg.create_task(asyncio.sleep(1, "b"))
        await asyncio.sleep(0.5)
        a.cancel()
    print(f"{loop.time():.1f} a cancelled? {a.cancelled()} b: {b.result()}")


asyncio.run(main())
