import asyncio
async def bad():
    await asyncio.sleep(0.1)
    1 / 0
async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad())
        await asyncio.sleep(1)
asyncio.run(main())
