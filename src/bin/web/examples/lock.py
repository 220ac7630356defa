import asyncio


async def worker(name, lock):
    print(f"{name} wants the lock")
    async with lock:
        print(f"{name} holds the lock")
        await asyncio.sleep(1)
    print(f"{name} released it")


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(worker("A", lock), worker("B", lock), worker("C", lock))


asyncio.run(main())
