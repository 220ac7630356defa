# The classic pattern: a timeout cancels the waiting, not the shielded work.
import asyncio


async def save():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(3)
    print(f"{loop.time():.1f} save: committed")
    return "saved"


async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(save())
    try:
        async with asyncio.timeout(1):
            await asyncio.shield(task)
    except TimeoutError:
        print(f"{loop.time():.1f} timed out waiting, task done? {task.done()}")
    result = await task                   # an f-string would read loop.time() before awaiting
    print(f"{loop.time():.1f} result: {result}")
    waiter = asyncio.create_task(asyncio.wait_for(asyncio.shield(task), 1))
    print("shield of a finished task:", await waiter)


asyncio.run(main())
