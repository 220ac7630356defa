# release() hands the permit to the oldest waiter; a task that calls acquire() before that
# waiter runs does not get ahead of it.
import asyncio

order = []


async def user(sem, name):
    async with sem:
        order.append(name)
        await asyncio.sleep(0.1)


async def main():
    sem = asyncio.Semaphore(1)
    tasks = [asyncio.create_task(user(sem, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0.05)
    late = asyncio.create_task(user(sem, "late"))
    await asyncio.sleep(0.05)          # w0 releases in this iteration
    later = asyncio.create_task(user(sem, "later"))
    await asyncio.gather(*tasks, late, later)
    print(order)


asyncio.run(main())
