import asyncio
async def main():
    c = asyncio.Condition()
    async with c:
        await asyncio.wait_for(c.wait(), 0.1)
asyncio.run(main())
