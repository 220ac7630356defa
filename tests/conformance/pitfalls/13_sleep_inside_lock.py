# Holding a lock across a long await serialises everything behind it.
import asyncio


async def slow_critical(lock, name, loop):
    async with lock:
        print(f"{loop.time():.1f} {name} in critical section")
        await asyncio.sleep(1)            # slow I/O while holding the lock


async def fast_critical(lock, name, loop):
    async with lock:
        print(f"{loop.time():.1f} {name} in critical section")
    await asyncio.sleep(1)                # slow I/O outside the lock


async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    start = loop.time()
    await asyncio.gather(*(slow_critical(lock, f"s{i}", loop) for i in range(3)))
    print(f"lock held during I/O: {loop.time() - start:.1f}s")
    start = loop.time()
    await asyncio.gather(*(fast_critical(lock, f"f{i}", loop) for i in range(3)))
    print(f"I/O outside the lock: {loop.time() - start:.1f}s")


asyncio.run(main())
