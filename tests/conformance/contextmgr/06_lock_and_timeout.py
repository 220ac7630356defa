# async with lock inside a timeout: a timed-out waiter leaves the queue cleanly.
import asyncio


async def holder(lock, loop):
    async with lock:
        print(f"{loop.time():.1f} holder has the lock for 2s")
        await asyncio.sleep(2)
    print(f"{loop.time():.1f} holder released")


async def impatient(lock, loop):
    try:
        async with asyncio.timeout(0.5):
            async with lock:
                print("impatient got the lock (never)")
    except TimeoutError:
        print(f"{loop.time():.1f} impatient gave up")


async def patient(lock, loop):
    async with lock:
        print(f"{loop.time():.1f} patient got the lock")


async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    await asyncio.gather(holder(lock, loop), impatient(lock, loop), patient(lock, loop))
    print("waiters left:", len(lock._waiters or []))


asyncio.run(main())
