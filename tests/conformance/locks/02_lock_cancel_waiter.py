# Cancelling a task waiting for a lock removes it from the queue; the next one gets it.
import asyncio


async def user(lock, name, loop):
    try:
        async with lock:
            print(f"{loop.time():.1f} {name} got the lock")
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"{loop.time():.1f} {name} cancelled while waiting")
        raise


async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    tasks = {n: asyncio.create_task(user(lock, n, loop)) for n in "ABCD"}
    await asyncio.sleep(0.5)
    tasks["B"].cancel()
    await asyncio.sleep(0.7)
    tasks["C"].cancel()        # C was just woken to take the lock: cancel passes it on
    await asyncio.gather(*tasks.values(), return_exceptions=True)
    print(f"{loop.time():.1f} locked? {lock.locked()}")


asyncio.run(main())
