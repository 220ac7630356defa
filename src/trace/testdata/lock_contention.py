import asyncio

async def worker(name, lock, delay):
    print(name, 'wants the lock')
    async with lock:
        print(name, 'has the lock')
        await asyncio.sleep(delay)
    print(name, 'released it')
    return name

async def main():
    lock = asyncio.Lock()
    names = await asyncio.gather(
        worker('a', lock, 0.5), worker('b', lock, 0.25), worker('c', lock, 0.1))
    print(names)

asyncio.run(main())
