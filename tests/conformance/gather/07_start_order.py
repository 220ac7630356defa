# gather() wraps coroutines in tasks in argument order; they start in that order.
import asyncio


async def step(name, hops):
    for i in range(hops):
        print(f"{name} hop {i}")
        await asyncio.sleep(0)
    return name


async def main():
    loop = asyncio.get_running_loop()
    pre = asyncio.create_task(step("pre-existing", 2))
    g = asyncio.gather(step("x", 2), pre, step("y", 3))
    loop.call_soon(print, "callback after gather()")
    print("gather created")
    print(await g)
    print("names:", sorted(t.get_name() for t in [pre]))


asyncio.run(main())
