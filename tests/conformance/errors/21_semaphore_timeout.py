import asyncio
async def main():
    sem = asyncio.Semaphore(0)
    async with asyncio.timeout(1):
        async with sem:
            pass
asyncio.run(main())
