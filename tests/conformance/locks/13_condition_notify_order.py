# notify() wakes waiters in wait order; each must re-acquire the lock, queued behind tasks
# already waiting for the lock.
import asyncio


async def waiter(cond, name, loop):
    async with cond:
        await cond.wait()
        print(f"{loop.time():.1f} {name} woke holding the lock")
        await asyncio.sleep(0.1)


async def locker(cond, loop):
    async with cond:
        print(f"{loop.time():.1f} locker has the lock")
        await asyncio.sleep(0.1)


async def main():
    loop = asyncio.get_running_loop()
    cond = asyncio.Condition()
    ws = [asyncio.create_task(waiter(cond, f"w{i}", loop)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
        lk = asyncio.create_task(locker(cond, loop))
        await asyncio.sleep(0)
        print("main releases the lock")
    await asyncio.sleep(1)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ws, lk)


asyncio.run(main())
