import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}s"


async def main():
    # Tasks, not bare coroutines: as_completed() would wrap coroutines in the iteration
    # order of a set, i.e. by memory address, which differs from run to run.
    tasks = [asyncio.create_task(fetch(n, d)) for n, d in (("a", 3), ("b", 1), ("c", 2))]
    for next_done in asyncio.as_completed(tasks):
        print(await next_done)  # in the order they finish


asyncio.run(main())
