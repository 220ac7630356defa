# Awaiting a coroutine runs it inside the same task; awaiting a task costs extra loop
# iterations (its completion is delivered by a callback). A ticker counts iterations.
import asyncio

ticks = 0


async def ticker():
    global ticks
    while True:
        ticks += 1
        await asyncio.sleep(0)


async def leaf():
    return "leaf"


async def via_tasks(depth):
    if depth == 0:
        return await leaf()
    return await asyncio.create_task(via_tasks(depth - 1))


async def via_coroutines(depth):
    if depth == 0:
        return await leaf()
    return await via_coroutines(depth - 1)


async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    for fn in (via_coroutines, via_tasks):
        for depth in (0, 1, 3):
            before = ticks
            r = await fn(depth)
            print(f"{fn.__name__}({depth}) -> {r}: {ticks - before} iterations")
    before = ticks
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(fut.set_result, 1)
    await fut
    print("future set by call_soon:", ticks - before, "iterations")
    t.cancel()


asyncio.run(main())
