import asyncio
async def main():
    await asyncio.wait_for(asyncio.shield(asyncio.sleep(2)), 0.5)
asyncio.run(main())
