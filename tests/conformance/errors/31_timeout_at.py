import asyncio
async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout_at(loop.time() + 0.3):
        await asyncio.sleep(1)
asyncio.run(main())
