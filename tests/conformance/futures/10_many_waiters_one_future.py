# Many tasks awaiting one future wake in the order they started waiting.
import asyncio


async def waiter(i, fut):
    v = await fut
    print(f"waiter {i} got {v}")
    return i


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    tasks = [asyncio.create_task(waiter(i, fut)) for i in (3, 1, 4, 0, 2)]
    await asyncio.sleep(0.5)
    loop.call_soon(print, "a callback queued before set_result")
    fut.set_result("go")
    print("gathered:", await asyncio.gather(*tasks))


asyncio.run(main())
