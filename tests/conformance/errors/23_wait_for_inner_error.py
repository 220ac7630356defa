import asyncio
async def bad():
    await asyncio.sleep(0.1)
    raise KeyError("x")
async def main():
    await asyncio.wait_for(bad(), 1)
asyncio.run(main())
