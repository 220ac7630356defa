import asyncio
async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    await asyncio.wait_for(lock.acquire(), 0.2)
asyncio.run(main())
