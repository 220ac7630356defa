# A cancelled Condition.wait() re-acquires the lock before CancelledError propagates.
import asyncio


async def waiter(cond, loop):
    async with cond:
        try:
            await cond.wait()
        except asyncio.CancelledError:
            print(f"{loop.time():.1f} waiter cancelled; holds the lock again? {cond.locked()}")
            raise


async def main():
    loop = asyncio.get_running_loop()
    cond = asyncio.Condition()
    t = asyncio.create_task(waiter(cond, loop))
    await asyncio.sleep(0.5)
    async with cond:
        t.cancel()
        await asyncio.sleep(1)          # the waiter can't get the lock while we hold it
        print(f"{loop.time():.1f} main releases the lock")
    await asyncio.gather(t, return_exceptions=True)
    print(f"{loop.time():.1f} locked? {cond.locked()}")
    shared = asyncio.Lock()
    c1, c2 = asyncio.Condition(shared), asyncio.Condition(shared)
    async with c1:
        print("a shared lock:", c2.locked())


asyncio.run(main())
