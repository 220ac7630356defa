import asyncio


async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise RuntimeError(f"{name} failed")
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled by the group")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("a", 1))
            tg.create_task(job("b", 2, fail=True))
            tg.create_task(job("c", 3))
    except* RuntimeError as eg:
        print("caught:", [str(e) for e in eg.exceptions])


asyncio.run(main())
