# A task that calls acquire() while others already wait does not jump the queue.
import asyncio

order = []


async def holder(lock):
    async with lock:
        order.append("holder")
        await asyncio.sleep(0.1)


async def waiter(lock, name):
    async with lock:
        order.append(name)


async def main():
    lock = asyncio.Lock()
    asyncio.create_task(holder(lock))
    await asyncio.sleep(0)
    ts = [asyncio.create_task(waiter(lock, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0.1)              # holder releases during this iteration
    ts.append(asyncio.create_task(waiter(lock, "barger")))
    await asyncio.gather(*ts)
    print(order)


asyncio.run(main())
