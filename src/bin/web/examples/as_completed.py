import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}s"


async def main():
    coros = [fetch("a", 3), fetch("b", 1), fetch("c", 2)]
    for next_done in asyncio.as_completed(coros):
        print(await next_done)  # in the order they finish


asyncio.run(main())
